/**
 * Retention periods (Aufbewahrungsfristen) as data. Commercial records of an archived account
 * must be kept — HGB §257 and AO §147: ten years for books, annual accounts and accounting
 * vouchers (Buchungsbelege), six years for commercial letters (Handelsbriefe) — and may be
 * erased once the period is over. The period starts at the end of the calendar year in which the
 * account was archived (HGB §257(5), AO §147(4)) — the calendar where the business keeps its books,
 * Europe/Berlin for a German one — and ends at the first instant of 1 January there.
 *
 * The laws change (since 2025 accounting vouchers are kept eight years, BEG IV), so the kinds
 * and their years are configuration, not code.
 *
 * @module
 */
import { Instant, type Tier } from '@account-ownership/core'
import { instantArgument, invalidQuery, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { utcCalendar, zoneCalendar } from './zone-calendar.js'

/**
 * One kind of record and how long it is kept.
 * @category retention
 * @since 0.1.0
 */
export interface RecordKind {
  readonly years: number
  /** The legal reference, shown in the reports, e.g. `HGB §257(1) Nr. 2, AO §147(1) Nr. 2`. */
  readonly legalReference: string
}

/**
 * Which record kind an archived account's records are, and how long each kind is kept.
 * @category retention
 * @since 0.1.0
 */
export interface RetentionPolicy {
  readonly kinds: Readonly<Record<string, RecordKind>>
  /** The kind of an account's records by its tier; `defaultKind` for tiers not listed. */
  readonly kindByTier?: Readonly<Partial<Record<Tier, string>>>
  readonly defaultKind: string
  /**
   * The IANA time zone whose calendar the years are counted in (`Europe/Berlin`): the year an
   * account was archived in, and the midnight its period ends at. Without it, UTC — as before
   * 0.4.0, and a year too early for an account archived in the first hour of 1 January in
   * Germany (23:00–24:00 UTC): a policy for HGB / AO names `Europe/Berlin`, as
   * `defaultRetentionPolicy` does. A name the runtime does not know, or a fixed offset, is an
   * `InvalidQueryError` naming `policy.timeZone`.
   * @since 0.4.0
   */
  readonly timeZone?: string
}

/**
 * HGB §257 / AO §147: commercial letters six years, accounting records ten, counted in calendar
 * years of Europe/Berlin; accounts are kept as commercial correspondence unless configured
 * otherwise.
 * @category retention
 * @since 0.1.0
 */
export const defaultRetentionPolicy: RetentionPolicy = {
  kinds: {
    'commercial-letter': { years: 6, legalReference: 'HGB §257(1) Nr. 2, 3, (4); AO §147(1) Nr. 2, 3, (3)' },
    'accounting-record': { years: 10, legalReference: 'HGB §257(1) Nr. 1, 4, (4); AO §147(1) Nr. 1, 4, (3)' },
  },
  defaultKind: 'commercial-letter',
  // German law counts German calendar years (since 0.4.0; UTC before, a year early at New Year).
  timeZone: 'Europe/Berlin',
}

/**
 * The record kind of an account of `tier` under `policy`.
 * @category retention
 * @since 0.1.0
 */
export const recordKindOf = (policy: RetentionPolicy, tier: Tier): string => policy.kindByTier?.[tier] ?? policy.defaultKind

/**
 * Until when records archived at `archivedAt` must be kept: the first instant of 1 January, in the
 * policy's time zone (UTC without one), of the year after the archive's calendar year there plus
 * the kind's years; or `undefined` for a kind the policy does not know. `archivedAt` is a plain
 * ISO-8601 string; anything else is an `InvalidQueryError` naming `archivedAt`. A time zone the
 * runtime does not know is one naming `policy.timeZone`, a kind whose `years` is not a whole
 * number from 0 to 9999 one naming `policy.kinds.<kind>.years`, and a period ending after the
 * year 9999 one naming `archivedAt`.
 * @category retention
 * @since 0.1.0
 * @example
 * retentionUntil(defaultRetentionPolicy, 'accounting-record', '2026-03-12T09:00:00.000Z') // Right('2036-12-31T23:00:00.000Z'), midnight in Berlin
 * retentionUntil(defaultRetentionPolicy, 'accounting-record', '2026-12-31T23:30:00.000Z') // Right('2037-12-31T23:00:00.000Z'): archived in 2027 in Berlin
 */
export const retentionUntil = (policy: RetentionPolicy, kind: string, archivedAt: string): E.Either<InvalidQueryError, Instant | undefined> => {
  const at = instantArgument('archivedAt', archivedAt)
  if (E.isLeft(at)) return at
  const kinds: unknown = policy?.kinds
  if (typeof kinds !== 'object' || kinds === null) return E.left(invalidQuery('policy.kinds', 'expected the record kinds and their years'))
  // Checked before the kind: a policy with a zone nobody knows is broken for every kind.
  const timeZone: unknown = policy.timeZone
  const calendar = timeZone === undefined ? utcCalendar : zoneCalendar(timeZone as string)
  if (calendar === undefined) return E.left(invalidQuery('policy.timeZone', `expected an IANA time zone name the runtime knows, such as Europe/Berlin, not ${shown(timeZone)}`))
  const years: unknown = Object.hasOwn(kinds, kind) ? (kinds as RetentionPolicy['kinds'])[kind]?.years : undefined
  if (years === undefined) return E.right(undefined)
  // Years as text ('10') made the end year 202710 — an instant that compares as long past.
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 0 || years > 9999) return E.left(invalidQuery(`policy.kinds.${kind}.years`, 'expected a whole number of years from 0 to 9999'))
  const endYear = calendar.yearAt(Date.parse(at.right)) + 1 + years
  const iso = endYear > 10_000 ? undefined : new Date(calendar.startOfYear(endYear)).toISOString()
  // Past the year 9999 an ISO string is no instant, and compares as earlier than every instant.
  // (The year 10000 begins in 9999 UTC in a zone ahead of UTC.)
  return iso !== undefined && Instant.is(iso) ? E.right(iso) : E.left(invalidQuery('archivedAt', `the retention period of ${years} years would end after the year 9999`))
}

// A value as an error message shows it: a text quoted and cut short, anything else by its type.
const shown = (u: unknown): string => (typeof u === 'string' ? JSON.stringify(u.length > 64 ? `${u.slice(0, 64)}…` : u) : u === null ? 'null' : typeof u)
