/**
 * The facts a decision needs, read from the read models: the account's standing at the request's
 * time, who could access it then (`accessAt`, the library's one definition), the principal's
 * offboarding and — only when nothing gives access — their grants on the account, to say why not.
 *
 * @module
 */
import type { AccessGrantTable, ArchivePeriodTable, CurrentOwnerTable, OwnershipPeriodTable, TeamPeriodTable } from '@account-ownership/projections'
import { accessAt, accessGrantOf } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { offboardedBy } from '../offboardings/principal-offboardings.queries.js'
import type { PrincipalOffboardingTable } from '../offboardings/principal-offboardings.table.js'
import type { KnownPrincipalTable } from '../principals/known-principals.table.js'
import type { DecisionGrant } from './access-decision.js'
import { unknownAccount, type UnknownAccountError } from './access-control-errors.js'
import type { AccessRequest } from './access-request.js'
import type { AccessFacts } from './decide-access.js'

/**
 * The tables a decision reads: the projections package's current owner, ownership history and
 * access read models, and this package's offboardings and known principals.
 * @category tables
 * @since 0.3.0
 */
export interface DecisionTables {
  readonly current_owners: CurrentOwnerTable
  readonly ownership_periods: OwnershipPeriodTable
  readonly access_grants: AccessGrantTable
  readonly archive_periods: ArchivePeriodTable
  readonly team_periods: TeamPeriodTable
  readonly principal_offboardings: PrincipalOffboardingTable
  readonly known_principals: KnownPrincipalTable
}

const standingAt = async (db: Kysely<DecisionTables>, request: AccessRequest): Promise<E.Either<UnknownAccountError, AccessFacts['account']>> => {
  const account = await db.selectFrom('current_owners').select('opened_at').where('account_id', '=', request.accountId).executeTakeFirst()
  if (account === undefined) return E.left(unknownAccount(request.accountId))
  if (account.opened_at > request.at) return E.right('not-open')
  const archived = await db
    .selectFrom('archive_periods')
    .select('account_id')
    .where('account_id', '=', request.accountId)
    .where('archived_at', '<=', request.at)
    .where((eb) => eb.or([eb('restored_at', 'is', null), eb('restored_at', '>', request.at)]))
    .executeTakeFirst()
  return E.right(archived === undefined ? 'open' : 'archived')
}

// The principal's grants on the account that were recorded by the request's time, only when
// nothing gave access. Looked up by the account's key and filtered here: an account has a few
// grants, a busy principal (an admin, a support desk) thousands.
const grantsOnAccount = async (db: Kysely<DecisionTables>, request: AccessRequest): Promise<ReadonlyArray<DecisionGrant>> =>
  (await db.selectFrom('access_grants').selectAll().where('account_id', '=', request.accountId).where('granted_at', '<=', request.at).execute())
    .filter((row) => row.grantee_id === request.principalId)
    .map((row) => {
      // A decision concerns one instant: the grant without its parts of time.
      const { accessible: _, ...grant } = accessGrantOf(row, [])
      return grant
    })

/**
 * Read the facts of one decided request.
 * @category decisions
 * @since 0.3.0
 */
export const accessFactsOf = async (db: Kysely<DecisionTables>, request: AccessRequest): Promise<E.Either<UnknownAccountError, AccessFacts>> => {
  const account = await standingAt(db, request)
  if (E.isLeft(account)) return account
  const none: AccessFacts = { account: account.right, offboardedAt: null, couldAccess: [], grants: [] }
  if (account.right !== 'open') return E.right(none)
  const offboardedAt = await offboardedBy(db, request.principalId, request.at)
  if (offboardedAt !== null) return E.right({ ...none, offboardedAt })
  // The request is decoded already, so accessAt finds nothing to refuse.
  const could = await accessAt(db, request.accountId, request.at)
  const couldAccess = E.isRight(could) ? could.right.filter((reason) => reason.principalId === request.principalId) : []
  return E.right({ ...none, couldAccess, grants: couldAccess.length > 0 ? [] : await grantsOnAccount(db, request) })
}
