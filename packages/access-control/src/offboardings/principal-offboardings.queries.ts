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
 * The principal's first offboarding at or before `at`, or `null`.
 * @category queries
 * @since 0.3.0
 */
export const offboardedBy = async (db: Kysely<Tables>, principalId: string, at: Instant): Promise<Instant | null> => {
  const row = await db
    .selectFrom('principal_offboardings')
    .select('offboarded_at')
    .where('principal_id', '=', principalId)
    .where('offboarded_at', '<=', at)
    .orderBy('offboarded_at')
    .limit(1)
    .executeTakeFirst()
  return (row?.offboarded_at ?? null) as Instant | null
}
