/**
 * Whether a principal is known: the read models have seen them own an account, assign or transfer
 * one, sit on a team, hold or give a grant, or be offboarded — or the embedding application's
 * directory knows them.
 * A request by a principal nobody knows is an error to the caller, not a decision to log.
 *
 * @module
 */
import type { PrincipalId } from '@account-ownership/core'
import type { Kysely } from 'kysely'
import type { DecisionTables } from './access-facts.js'

/**
 * The embedding application's directory of principals (e.g. its identity provider), asked only
 * for principals the read models have never seen.
 * @category decisions
 * @since 0.3.0
 */
export type PrincipalDirectoryLookup = (principalId: PrincipalId) => boolean | Promise<boolean>

/**
 * Whether the read models or the directory know the principal.
 * @category decisions
 * @since 0.3.0
 */
export const isKnownPrincipal = async (db: Kysely<DecisionTables>, principalId: PrincipalId, directory?: PrincipalDirectoryLookup): Promise<boolean> => {
  const seen = await db
    .selectFrom('ownership_periods')
    .select('owner_id as id')
    .where('owner_id', '=', principalId)
    .union(db.selectFrom('ownership_periods').select('actor_id as id').where('actor_id', '=', principalId))
    .union(db.selectFrom('team_periods').select('principal_id as id').where('principal_id', '=', principalId))
    .union(db.selectFrom('access_grants').select('grantee_id as id').where('grantee_id', '=', principalId))
    .union(db.selectFrom('access_grants').select('granted_by as id').where('granted_by', '=', principalId))
    .union(db.selectFrom('principal_offboardings').select('principal_id as id').where('principal_id', '=', principalId))
    .limit(1)
    .executeTakeFirst()
  return seen !== undefined || (directory !== undefined && (await directory(principalId)))
}
