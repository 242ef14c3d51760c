/**
 * Points in time — Zeitpunkte. Business time (`occurredAt`) and record time (`recordedAt`) are
 * both instants. An instant is kept as an ISO-8601 UTC string with milliseconds, so instants
 * compare correctly as strings and survive JSON unchanged.
 *
 * @module
 */
import * as t from 'io-ts'

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

// The digit at `i` of `s`, or -1 where there is none.
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48
  return d >= 0 && d <= 9 ? d : -1
}

// The two-digit number at `i`, or -1.
const twoDigitsAt = (s: string, i: number): number => {
  const tens = digitAt(s, i)
  const ones = digitAt(s, i + 1)
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones
}

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

// The shape alone would let 2026-02-30 or 25:00 through wherever an instant is checked rather
// than decoded (the store's input check): an instant is also the one spelling of a real moment,
// the one `Date#toISOString` gives. Checked field by field on the characters, not by parsing a
// Date and printing it again: a replay checks two instants per event, and the round trip through
// Date was a sixth of decoding a stored event. A property test holds the two to the same answers.
const isInstant = (u: unknown): u is Instant => {
  if (typeof u !== 'string' || u.length !== 24) return false
  if (u[4] !== '-' || u[7] !== '-' || u[10] !== 'T' || u[13] !== ':' || u[16] !== ':' || u[19] !== '.' || u[23] !== 'Z') return false
  const century = twoDigitsAt(u, 0)
  const yearOfCentury = twoDigitsAt(u, 2)
  const month = twoDigitsAt(u, 5)
  const day = twoDigitsAt(u, 8)
  const hour = twoDigitsAt(u, 11)
  const minute = twoDigitsAt(u, 14)
  const second = twoDigitsAt(u, 17)
  if (century < 0 || yearOfCentury < 0 || digitAt(u, 20) < 0 || twoDigitsAt(u, 21) < 0) return false
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(century * 100 + yearOfCentury, month)) return false
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
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
