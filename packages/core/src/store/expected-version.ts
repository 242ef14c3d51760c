/**
 * Optimistic concurrency. An append states what it expects of the stream; the store refuses the
 * append when the stream disagrees. Versions count from 0: a stream whose last event has version
 * 4 holds five events.
 *
 * @module
 */

/**
 * What an append expects of its stream:
 * - a `bigint`: the version of the stream's last event is exactly this;
 * - `'no-stream'`: the stream has no events yet;
 * - `'exists'`: the stream has at least one event;
 * - `'any'`: no expectation.
 * @category store
 * @since 0.1.0
 */
export type ExpectedVersion = bigint | 'no-stream' | 'exists' | 'any'

/**
 * The version a stream actually has: its last event's version, or `'no-stream'`.
 * @category store
 * @since 0.1.0
 */
export type StreamVersion = bigint | 'no-stream'

/**
 * Whether a stream at `actual` satisfies `expected`. Every adapter decides with this one function.
 * @category store
 * @since 0.1.0
 */
export const satisfies = (expected: ExpectedVersion, actual: StreamVersion): boolean => {
  switch (expected) {
    case 'any':
      return true
    case 'no-stream':
      return actual === 'no-stream'
    case 'exists':
      return actual !== 'no-stream'
    default:
      return actual === expected
  }
}

/**
 * The version the first event of an append gets on a stream at `actual`.
 * @category store
 * @since 0.1.0
 */
export const nextVersion = (actual: StreamVersion): bigint => (actual === 'no-stream' ? 0n : actual + 1n)

/**
 * A readable form of a version, for messages.
 * @category store
 * @since 0.1.0
 */
export const showVersion = (v: ExpectedVersion): string => (typeof v === 'bigint' ? v.toString() : v)
