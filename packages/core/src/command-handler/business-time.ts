/**
 * Business time (Fachzeit) never runs backwards in a stream (invariant 9): a command dated
 * before the last event of its stream is refused, so that no ownership period ends before it
 * began and nobody owns an account before it was opened. Equal instants are allowed; the stream
 * version orders them. The command handler checks this for every stream family before it
 * decides, so `decide` stays pure and needs no metadata.
 *
 * Nor does it run ahead of the clock: a command dated further in the future than the handler's
 * `maxAheadOfClock` allows is refused. A fact that has not happened yet is no fact, and one event
 * dated next year would refuse every later command of its stream until then.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { domainError, type DomainError } from '../domain-error.js'
import { millisOf, type Instant } from '../instant.js'

/**
 * A command dated before the last event of its stream; names both instants.
 * @category errors
 * @since 0.2.0
 */
export interface OccurredBeforeLastEventError extends DomainError<'OccurredBeforeLastEventError'> {
  /** The business time the command was to be recorded at. */
  readonly occurredAt: Instant
  /** The business time of the stream's last event, the earliest instant a command may take. */
  readonly lastOccurredAt: Instant
}

const refusal = domainError('OccurredBeforeLastEventError')

/**
 * The refusal of a command dated `occurredAt` in a stream whose last event occurred at `lastOccurredAt`.
 * @category errors
 * @since 0.2.0
 */
export const occurredBeforeLastEvent = (occurredAt: Instant, lastOccurredAt: Instant): OccurredBeforeLastEventError => ({
  ...refusal(
    `the command occurs at ${occurredAt}, ${millisOf(lastOccurredAt) - millisOf(occurredAt)} ms before the stream's last event (${lastOccurredAt}); business time never runs backwards`,
    'context.occurredAt',
  ),
  occurredAt,
  lastOccurredAt,
})

/**
 * `occurredAt` if it is not earlier than the stream's last event (`null` for an empty stream).
 * @category command handler
 * @since 0.2.0
 * @example
 * notBeforeLastEvent(instantOf(Date.UTC(2026, 1, 1)), instantOf(Date.UTC(2026, 2, 1))) // Left(OccurredBeforeLastEventError)
 */
export const notBeforeLastEvent = (occurredAt: Instant, lastOccurredAt: Instant | null): E.Either<OccurredBeforeLastEventError, Instant> =>
  lastOccurredAt !== null && occurredAt < lastOccurredAt ? E.left(occurredBeforeLastEvent(occurredAt, lastOccurredAt)) : E.right(occurredAt)

/**
 * A command dated further ahead of the handler's clock than `maxAheadOfClock` allows; names the
 * instant, the clock's reading and the allowance.
 * @category errors
 * @since 0.3.0
 */
export interface OccurredInFutureError extends DomainError<'OccurredInFutureError'> {
  readonly occurredAt: Instant
  /** The clock's reading when the command was refused. */
  readonly now: Instant
  readonly maxAheadOfClock: number
}

const inFuture = domainError('OccurredInFutureError')

/**
 * How far ahead of the clock a business time may lie by default, in milliseconds: five minutes,
 * for clocks that differ a little.
 * @category command handler
 * @since 0.4.0
 */
export const defaultMaxAheadOfClock = 5 * 60_000

/**
 * `occurredAt` if it is at most `maxAheadOfClock` milliseconds after `now`.
 * @category command handler
 * @since 0.3.0
 * @example
 * notAheadOfClock(instantOf(Date.UTC(2027, 0, 1)), instantOf(Date.UTC(2026, 0, 1)), 300_000) // Left(OccurredInFutureError)
 */
export const notAheadOfClock = (occurredAt: Instant, now: Instant, maxAheadOfClock: number): E.Either<OccurredInFutureError, Instant> =>
  millisOf(occurredAt) - millisOf(now) <= maxAheadOfClock
    ? E.right(occurredAt)
    : E.left({
        ...inFuture(`the command occurs at ${occurredAt}, ${millisOf(occurredAt) - millisOf(now)} ms after the clock's reading (${now}); at most ${maxAheadOfClock} ms are allowed for clocks that differ`, 'context.occurredAt'),
        occurredAt,
        now,
        maxAheadOfClock,
      })
