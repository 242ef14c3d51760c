/**
 * Retention periods (Aufbewahrungsfristen) as data. Commercial records of an archived account
 * must be kept — HGB §257 and AO §147: ten years for books, annual accounts and accounting
 * vouchers (Buchungsbelege), six years for commercial letters (Handelsbriefe) — and may be
 * erased once the period is over. The period starts at the end of the calendar year in which the
 * account was archived (HGB §257(5), AO §147(4)); periods end at midnight UTC.
 *
 * The laws change (since 2025 accounting vouchers are kept eight years, BEG IV), so the kinds
 * and their years are configuration, not code.
 *
 * @module
 */
import { Instant, type Tier } from '@account-ownership/core'
import { instantArgument, invalidQuery, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'

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
}

/**
 * HGB §257 / AO §147: commercial letters six years, accounting records ten; accounts are kept
 * as commercial correspondence unless configured otherwise.
 * @category retention
 * @since 0.1.0
 */
export const defaultRetentionPolicy: RetentionPolicy = {
  kinds: {
    'commercial-letter': { years: 6, legalReference: 'HGB §257(1) Nr. 2, 3, (4); AO §147(1) Nr. 2, 3, (3)' },
    'accounting-record': { years: 10, legalReference: 'HGB §257(1) Nr. 1, 4, (4); AO §147(1) Nr. 1, 4, (3)' },
  },
  defaultKind: 'commercial-letter',
}

/**
 * The record kind of an account of `tier` under `policy`.
 * @category retention
 * @since 0.1.0
 */
export const recordKindOf = (policy: RetentionPolicy, tier: Tier): string => policy.kindByTier?.[tier] ?? policy.defaultKind

/**
 * Until when records archived at `archivedAt` must be kept: the end of the archive's calendar
 * year plus the kind's years, or `undefined` for a kind the policy does not know. `archivedAt` is
 * a plain ISO-8601 string; anything else is an `InvalidQueryError` naming `archivedAt`. A kind
 * whose `years` is not a whole number from 0 to 9999 is an `InvalidQueryError` naming
 * `policy.kinds.<kind>.years`, and a period ending after the year 9999 one naming `archivedAt`.
 * @category retention
 * @since 0.1.0
 * @example
 * retentionUntil(defaultRetentionPolicy, 'accounting-record', '2026-03-12T09:00:00.000Z') // Right('2037-01-01T00:00:00.000Z')
 */
export const retentionUntil = (policy: RetentionPolicy, kind: string, archivedAt: string): E.Either<InvalidQueryError, Instant | undefined> => {
  const at = instantArgument('archivedAt', archivedAt)
  if (E.isLeft(at)) return at
  const kinds: unknown = policy?.kinds
  if (typeof kinds !== 'object' || kinds === null) return E.left(invalidQuery('policy.kinds', 'expected the record kinds and their years'))
  const years: unknown = Object.hasOwn(kinds, kind) ? (kinds as RetentionPolicy['kinds'])[kind]?.years : undefined
  if (years === undefined) return E.right(undefined)
  // Years as text ('10') made the end year 202710 — an instant that compares as long past.
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 0 || years > 9999) return E.left(invalidQuery(`policy.kinds.${kind}.years`, 'expected a whole number of years from 0 to 9999'))
  const year = new Date(at.right).getUTCFullYear()
  const until = Date.UTC(year + 1 + years, 0, 1)
  const iso = Number.isNaN(until) ? undefined : new Date(until).toISOString()
  // Past the year 9999 an ISO string is no instant, and compares as earlier than every instant.
  return iso !== undefined && Instant.is(iso) ? E.right(iso) : E.left(invalidQuery('archivedAt', `the retention period of ${years} years would end after the year 9999`))
}
