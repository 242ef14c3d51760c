/**
 * Whether a principal is known: the log has named them (`known_principals`) — or the embedding
 * application's directory knows them. A request by a principal nobody knows is an error to the
 * caller, not a decision to log.
 *
 * @module
 */
import type { PrincipalId } from '@account-ownership/core'
import type { Kysely } from 'kysely'
import type { KnownPrincipalTable } from '../principals/known-principals.table.js'

/**
 * The embedding application's directory of principals (e.g. its identity provider), asked only
 * for principals the log has never named.
 * @category decisions
 * @since 0.3.0
 */
export type PrincipalDirectoryLookup = (principalId: PrincipalId) => boolean | Promise<boolean>

/**
 * The principal's row of `known_principals`, if the log has named them, as a query to run or to
 * nest in a larger one (`authorize` asks it in the statement that reads the facts).
 * @category decisions
 * @since 0.3.0
 */
export const namedInLog = (db: Kysely<{ readonly known_principals: KnownPrincipalTable }>, principalId: string) =>
  db.selectFrom('known_principals').select('principal_id').where('principal_id', '=', principalId)

/**
 * Whether the directory, if there is one, knows a principal the log has not named.
 * @category decisions
 * @since 0.3.0
 */
export const knownToDirectory = async (principalId: PrincipalId, directory?: PrincipalDirectoryLookup): Promise<boolean> => directory !== undefined && (await directory(principalId))

/**
 * Whether the log or the directory knows the principal.
 * @category decisions
 * @since 0.3.0
 */
export const isKnownPrincipal = async (db: Kysely<{ readonly known_principals: KnownPrincipalTable }>, principalId: PrincipalId, directory?: PrincipalDirectoryLookup): Promise<boolean> =>
  (await namedInLog(db, principalId).executeTakeFirst()) !== undefined || (await knownToDirectory(principalId, directory))
