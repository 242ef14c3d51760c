/**
 * A command handler built from a configuration it cannot run with. Building a handler is set-up
 * code at the edge of an application, so this one error is thrown there rather than answered
 * later by every command.
 *
 * @module
 */
import { TaggedError } from '../tagged-error.js'

/**
 * A command handler's configuration holds a value it cannot run with; `field` names it.
 * @category errors
 * @since 0.3.0
 */
export class InvalidHandlerConfigError extends TaggedError('InvalidHandlerConfigError') {
  readonly field: string
  readonly reason: string
  constructor(field: string, reason: string) {
    super(`invalid ${field}: ${reason}`)
    this.field = field
    this.reason = reason
  }
}

const kindOf = (u: unknown): string => (u === null ? 'null' : Array.isArray(u) ? 'a list' : typeof u === 'object' ? 'an object' : `a ${typeof u}`)

/**
 * The number of streams a `stateCache` option keeps (0 when it is `false`), or the error naming
 * what is wrong with it.
 * @category command handler
 * @since 0.3.0
 */
export const stateCacheSizeOf = (option: unknown, defaultSize: number): number | InvalidHandlerConfigError => {
  if (option === undefined) return defaultSize
  if (option === false) return 0
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    return new InvalidHandlerConfigError('stateCache', `expected false or { maxStreams? }, got ${option === true ? 'true' : kindOf(option)}`)
  }
  const { maxStreams } = option as { readonly maxStreams?: unknown }
  if (maxStreams === undefined) return defaultSize
  return typeof maxStreams === 'number' && Number.isInteger(maxStreams) && maxStreams >= 1 && maxStreams <= 10_000_000
    ? maxStreams
    : new InvalidHandlerConfigError(
        'stateCache.maxStreams',
        `expected an integer number of streams from 1 to 10000000, got ${typeof maxStreams === 'number' ? 'a number outside that range' : kindOf(maxStreams)}`,
      )
}

/**
 * The milliseconds a command's `occurredAt` may lie ahead of the clock (`maxAheadOfClock`, five
 * minutes by default), or the error naming what is wrong with the option.
 * @category command handler
 * @since 0.3.0
 */
export const maxAheadOfClockOf = (option: unknown, defaultMillis: number): number | InvalidHandlerConfigError => {
  if (option === undefined) return defaultMillis
  return typeof option === 'number' && Number.isSafeInteger(option) && option >= 0
    ? option
    : new InvalidHandlerConfigError('maxAheadOfClock', `expected a whole number of milliseconds >= 0, got ${typeof option === 'number' ? 'a number outside that range' : kindOf(option)}`)
}
