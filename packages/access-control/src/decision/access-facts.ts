/**
 * The facts a decision needs, read from the read models in one statement: the account's opening
 * and whether an archive holds at the request's time (projections' `archiveAt`, the lookup
 * `accessAt` makes), the principal's first offboarding by then, the owner then, the principal's
 * team membership then, whether the log names the principal, and the grants on the account
 * recorded by then, of which the principal's count. A grant is in force when core's `spanHolds`
 * says its validity holds — from `validFrom` to the earlier of its expiry and its recorded end,
 * the span `accessAt` selects — so "could access" keeps one definition; a property holds these
 * facts against `accessAt`, and every decision against a replay.
 *
 * One statement, compiled once per database, instead of up to ten queries: each query through
 * Kysely costs its building, compiling and several awaits on top of SQLite's work, and the
 * denied path's tail grew with their number.
 *
 * @module
 */
import { spanHolds, type Instant, type PrincipalId, type TeamRole } from '@account-ownership/core'
import type { AccessGrantTable, ArchivePeriodTable, CurrentOwnerTable, OwnershipPeriodTable, TeamPeriodTable } from '@account-ownership/projections'
import { accessGrantOf, archiveAt, precompiled } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely, Selectable } from 'kysely'
import { firstOffboardingBy } from '../offboardings/principal-offboardings.queries.js'
import type { PrincipalOffboardingTable } from '../offboardings/principal-offboardings.table.js'
import type { KnownPrincipalTable } from '../principals/known-principals.table.js'
import type { DecisionGrant } from './access-decision.js'
import { unknownAccount, type UnknownAccountError } from './access-control-errors.js'
import type { AccessRequest } from './access-request.js'
import type { AccessFacts, DecisionAccessReason } from './decide-access.js'
import { namedInLog } from './known-principal.js'

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

/**
 * The facts of a request, and whether the log names its principal (asked in the same statement,
 * so that a denial needs no second query to tell an unknown principal apart).
 * @category decisions
 * @since 0.3.0
 */
export interface DecisionFacts {
  readonly facts: AccessFacts
  readonly principalNamed: boolean
}

type FactArguments = { readonly accountId: string; readonly principalId: string; readonly at: string }

// One row per grant on the account recorded by `at` (one row without a grant when there is
// none), each carrying the account's and the principal's facts.
const factRows = (db: Kysely<DecisionTables>, { accountId, principalId, at }: FactArguments) =>
  db
    .selectFrom('current_owners as account')
    // The owner at `at`, as `ownerAt` finds them.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('ownership_periods')
          .select(['owner_id', 'valid_from as owned_since'])
          .where('account_id', '=', accountId)
          .where('valid_from', '<=', at)
          .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', at)]))
          .orderBy('valid_from', 'desc')
          .orderBy('began_at_position', 'desc')
          .limit(1)
          .as('owner'),
      (join) => join.onTrue(),
    )
    // The principal's team membership at `at`, as `accessAt` finds it.
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('team_periods')
          .select(['role as team_role', 'joined_at as team_since'])
          .where('account_id', '=', accountId)
          .where('principal_id', '=', principalId)
          .where('joined_at', '<=', at)
          .where((w) => w.or([w('left_at', 'is', null), w('left_at', '>', at)]))
          .limit(1)
          .as('team'),
      (join) => join.onTrue(),
    )
    // Every grant on the account recorded by `at`, the principal's picked out of them afterwards:
    // with the grantee in the join, SQLite walks the grantee's index, and a busy principal (an
    // admin, a support desk) holds thousands of grants where an account has a few.
    .leftJoin('access_grants as grant', (join) => join.onRef('grant.account_id', '=', 'account.account_id').on('grant.granted_at', '<=', at))
    .selectAll('grant')
    .select((eb) => [
      'account.opened_at',
      eb.exists(archiveAt(db, accountId, at)).as('archived'),
      firstOffboardingBy(db, principalId, at).as('offboarded_at'),
      eb.exists(namedInLog(db, principalId)).as('named'),
      'owner.owner_id',
      'owner.owned_since',
      'team.team_role',
      'team.team_since',
    ])
    .where('account.account_id', '=', accountId)
    .orderBy('grant.grant_id')

type FactRow = Awaited<ReturnType<ReturnType<typeof factRows>['execute']>>[number]

const factsOf = precompiled(factRows, ['accountId', 'principalId', 'at'])

// A decision concerns one instant: the grant without its parts of time.
const decisionGrantOf = (row: FactRow): DecisionGrant => {
  const { accessible: _, ...grant } = accessGrantOf(row as Selectable<AccessGrantTable>, [])
  return grant
}

const endOf = (grant: DecisionGrant): Instant | null => [grant.expiresAt, grant.endedAt].filter((end): end is Instant => end !== null).sort()[0] ?? null

/**
 * Read the facts of one decided request, and whether the log names its principal.
 * @category decisions
 * @since 0.3.0
 */
export const decisionFactsOf = async (db: Kysely<DecisionTables>, request: AccessRequest): Promise<E.Either<UnknownAccountError, DecisionFacts>> => {
  const { rows } = await factsOf(db, request)
  const first = rows[0]
  if (first === undefined) return E.left(unknownAccount(request.accountId))
  // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  const principalNamed = Boolean(first.named)
  const account = first.opened_at > request.at ? 'not-open' : Boolean(first.archived) ? 'archived' : 'open'
  const none: AccessFacts = { account, offboardedAt: null, couldAccess: [], grants: [] }
  if (account !== 'open') return E.right({ facts: none, principalNamed })
  if (first.offboarded_at !== null) return E.right({ facts: { ...none, offboardedAt: first.offboarded_at as Instant }, principalNamed })
  const principalId = request.principalId as PrincipalId
  const grants = rows.flatMap((row) => (row.grant_id === null || row.grantee_id !== principalId ? [] : [decisionGrantOf(row)]))
  const couldAccess: ReadonlyArray<DecisionAccessReason> = [
    ...(first.owner_id === principalId ? [{ via: 'owner' as const, principalId, since: first.owned_since as Instant }] : []),
    ...(first.team_role !== null ? [{ via: 'team' as const, principalId, role: first.team_role as TeamRole, since: first.team_since as Instant }] : []),
    ...grants.filter((grant) => spanHolds({ from: grant.validFrom, to: endOf(grant) }, request.at)).map((grant) => ({ via: 'grant' as const, principalId, grant })),
  ]
  return E.right({ facts: { ...none, couldAccess, grants: couldAccess.length > 0 ? [] : grants }, principalNamed })
}

/**
 * Read the facts of one decided request.
 * @category decisions
 * @since 0.3.0
 */
export const accessFactsOf = async (db: Kysely<DecisionTables>, request: AccessRequest): Promise<E.Either<UnknownAccountError, AccessFacts>> =>
  E.map((read: DecisionFacts) => read.facts)(await decisionFactsOf(db, request))
