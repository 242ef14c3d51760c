/**
 * The access review (Berechtigungsprüfung) at a point in time: grants that never expire, grants
 * older than a number of days that are still in force, and access of principals who were
 * offboarded — every period that lasted beyond the offboarding or began after it. "In force" and
 * "access" are core's one definition: an archived account's grants give no access while it is.
 *
 * @module
 */
import { describeValue, spanHolds, type Instant } from '@account-ownership/core'
import { instantArgument, invalidQuery, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { accessiblePeriods } from './accessible-periods.js'
import { accessPeriodOf, type AccessPeriod } from './audit-rows.js'
import type { AuditTables } from './audit.table.js'

const earliestInstant = Date.parse('0000-01-01T00:00:00.000Z')

/**
 * The findings of an access review.
 * @category audit
 * @since 0.1.0
 */
export interface AccessReview {
  readonly at: Instant
  /** Grants in force at `at` without an expiry. */
  readonly withoutExpiry: ReadonlyArray<AccessPeriod>
  /** Grants in force at `at` that began more than `olderThanDays` days before it. */
  readonly olderThan: ReadonlyArray<AccessPeriod>
  /** Periods of offboarded principals that reach past their offboarding. */
  readonly afterOffboarding: ReadonlyArray<AccessPeriod & { readonly offboardedAt: Instant }>
}

/**
 * Review access at `at`.
 * @category queries
 * @since 0.1.0
 * @example
 * const review = await accessReview(db, { at: '2026-06-30T00:00:00Z', olderThanDays: 90 })
 */
export const accessReview = async (
  db: Kysely<AuditTables>,
  options: { readonly at: string; readonly olderThanDays: number },
): Promise<E.Either<InvalidQueryError, AccessReview>> => {
  if (typeof options !== 'object' || options === null) return E.left(invalidQuery('options', 'expected { at, olderThanDays }'))
  const decoded = instantArgument('at', options.at)
  if (E.isLeft(decoded)) return decoded
  const at = decoded.right
  if (!Number.isSafeInteger(options.olderThanDays) || options.olderThanDays < 0) return E.left(invalidQuery('olderThanDays', `expected a whole number of days >= 0, got ${describeValue(options.olderThanDays)}`))
  // A cutoff before the year 0000 is before every instant the log holds: nothing is that old.
  const cutoff = Date.parse(at) - options.olderThanDays * 86_400_000 < earliestInstant ? '0000-01-01T00:00:00.000Z' : new Date(Date.parse(at) - options.olderThanDays * 86_400_000).toISOString()
  const inForce = db
    .selectFrom('dsgvo_access_periods')
    .selectAll()
    .where('kind', '=', 'grant')
    .where('from_at', '<=', at)
    .where((eb) => eb.or([eb('to_at', 'is', null), eb('to_at', '>', at)]))
  const [withoutExpiry, olderThan, afterOffboarding] = await Promise.all([
    inForce.where('to_at', 'is', null).orderBy('source_position').execute(),
    inForce.where('from_at', '<', cutoff).orderBy('source_position').execute(),
    db
      .selectFrom('dsgvo_access_periods as p')
      .innerJoin('dsgvo_offboardings as o', 'o.principal_id', 'p.principal_id')
      .selectAll('p')
      .select('o.offboarded_at')
      .where((eb) => eb.or([eb('p.to_at', 'is', null), eb('p.to_at', '>', eb.ref('o.offboarded_at'))]))
      .orderBy('p.source_position')
      .execute(),
  ])
  const inForceAt = async (rows: typeof withoutExpiry) => (await accessiblePeriods(db, rows.map(accessPeriodOf))).filter((part) => spanHolds(part, at))
  const offboarded = afterOffboarding.map((row) => ({ ...accessPeriodOf(row), offboardedAt: row.offboarded_at as Instant }))
  const afterTheirOffboarding = (await accessiblePeriods(db, offboarded)).filter((part) => part.to === null || part.to > part.offboardedAt)
  return E.right({ at, withoutExpiry: await inForceAt(withoutExpiry), olderThan: await inForceAt(olderThan), afterOffboarding: afterTheirOffboarding })
}
