/**
 * Points in time — Zeitpunkte. Business time (`occurredAt`) and record time (`recordedAt`) are
 * both instants. An instant is kept as an ISO-8601 UTC string with milliseconds, so instants
 * compare correctly as strings and survive JSON unchanged.
 *
 * @module
 */
import * as t from 'io-ts'

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

interface InstantBrand {
  readonly Instant: unique symbol
}

/**
 * An ISO-8601 UTC timestamp with milliseconds, e.g. `2026-03-12T09:00:00.000Z`.
 *
 * Decoding accepts any ISO-8601 string with a zone (or a `Date`) and normalises it, so
 * `2026-03-12T10:00:00+01:00` decodes to `2026-03-12T09:00:00.000Z`.
 * @category time
 * @since 0.1.0
 */
export type Instant = t.Branded<string, InstantBrand>

// The shape alone would let 2026-02-30 or 25:00 through wherever an instant is checked rather
// than decoded (the store's input check): an instant is also the one spelling of a real moment.
const isInstant = (u: unknown): u is Instant => {
  if (typeof u !== 'string' || !isoUtc.test(u)) return false
  const ms = Date.parse(u)
  return !Number.isNaN(ms) && new Date(ms).toISOString() === u
}

/* `Date.parse` rolls 2026-02-30 over into March; a date that is not in the calendar is bad input. */
const isCalendarDate = (ymd: string): boolean => {
  const [y = NaN, m = NaN, d = NaN] = ymd.split('-').map(Number)
  const date = new Date(0)
  date.setUTCFullYear(y, m - 1, d)
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** @category time @since 0.1.0 */
export const Instant = new t.Type<Instant, string, unknown>(
  'Instant',
  isInstant,
  (u, c) => {
    if (u instanceof Date) return Number.isNaN(u.getTime()) ? t.failure(u, c, 'an invalid Date') : t.success(u.toISOString() as Instant)
    if (typeof u !== 'string') return t.failure(u, c, 'an ISO-8601 timestamp')
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(u)) {
      return t.failure(u, c, 'an ISO-8601 timestamp with a time zone')
    }
    const ms = Date.parse(u)
    if (Number.isNaN(ms) || !isCalendarDate(u.slice(0, 10))) return t.failure(u, c, 'an existing date')
    const iso = new Date(ms).toISOString()
    return isInstant(iso) ? t.success(iso) : t.failure(u, c, 'an instant within the years 0000 to 9999')
  },
  t.identity,
)

/**
 * The instant of a `Date` (or of milliseconds since the epoch).
 * @category time
 * @since 0.1.0
 */
export const instantOf = (d: Date | number): Instant => new Date(d).toISOString() as Instant

/**
 * Milliseconds since the epoch of an instant.
 * @category time
 * @since 0.1.0
 */
export const millisOf = (i: Instant): number => Date.parse(i)

/**
 * The instant `ms` milliseconds after `i`.
 * @category time
 * @since 0.1.0
 */
export const plusMillis = (i: Instant, ms: number): Instant => instantOf(millisOf(i) + ms)

/**
 * A source of the current instant. Passed in, never read inside a decision, so replays and
 * tests are deterministic.
 * @category time
 * @since 0.1.0
 */
export type Clock = () => Instant

/**
 * The wall clock.
 * @category time
 * @since 0.1.0
 */
export const systemClock: Clock = () => instantOf(Date.now())
