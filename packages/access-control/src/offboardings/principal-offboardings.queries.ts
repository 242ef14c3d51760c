/**
 * When a principal was offboarded, as of a point in business time.
 *
 * @module
 */
import type { Instant } from '@account-ownership/core'
import type { Kysely } from 'kysely'
import type { PrincipalOffboardingTable } from './principal-offboardings.table.js'

type Tables = { readonly principal_offboardings: PrincipalOffboardingTable }

/**
 * The principal's first offboarding at or before `at` (one row, `null` when there is none), as a
 * query to run or to nest in a larger one — the one lookup `offboardedBy` and `authorize` share.
 * @category queries
 * @since 0.3.0
 */
export const firstOffboardingBy = (db: Kysely<Tables>, principalId: string, at: string) =>
  // min() rather than ORDER BY … LIMIT 1: SQLite needs no sorter for it.
  db
    .selectFrom('principal_offboardings')
    .select((eb) => eb.fn.min('offboarded_at').as('offboarded_at'))
    .where('principal_id', '=', principalId)
    .where('offboarded_at', '<=', at)

/**
 * The principal's first offboarding at or before `at`, or `null`.
 * @category queries
 * @since 0.3.0
 */
export const offboardedBy = async (db: Kysely<Tables>, principalId: string, at: Instant): Promise<Instant | null> =>
  ((await firstOffboardingBy(db, principalId, at).executeTakeFirst())?.offboarded_at ?? null) as Instant | null
