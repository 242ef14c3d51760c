/**
 * Queries of access (Zugriffsberechtigung): who could access an account's data at a point in
 * business time and why — as its owner, as a member of its team, or through a grant with a
 * purpose and a legal basis — the grants a principal holds with the parts of time in which each
 * gave access, and the grants an access review should look at. "Could access" is core's one
 * definition (`hasAccess`, `accessibleParts`): nobody while the account is archived.
 * `accessAt` also reads the ownership history, so run both projections.
 *
 * @module
 */
import { accessibleParts, type AccountId, type GrantId, type Instant, type LegalBasis, type PrincipalId, type Span, type TeamRole } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely, Selectable } from 'kysely'
import type { OwnershipPeriodTable } from '../ownership-history/ownership-history.table.js'
import { ownerAt } from '../ownership-history/ownership-history.queries.js'
import type { InvalidQueryError } from '../query/invalid-query-error.js'
import { precompiled } from '../query/precompiled-query.js'
import { accountIdArgument, instantArgument, principalIdArgument } from '../query/query-input.js'
import type { AccessGrantTable, ArchivePeriodTable, TeamPeriodTable } from './access.table.js'

type Tables = { readonly access_grants: AccessGrantTable; readonly archive_periods: ArchivePeriodTable; readonly team_periods: TeamPeriodTable; readonly ownership_periods: OwnershipPeriodTable }

/**
 * A grant as the access read model has it.
 * @category queries
 * @since 0.1.0
 */
export interface AccessGrant {
  readonly accountId: AccountId
  readonly grantId: GrantId
  readonly granteeId: PrincipalId
  readonly scope: 'read' | 'read-write'
  readonly purpose: string
  readonly legalBasis: LegalBasis
  readonly grantedBy: PrincipalId
  readonly validFrom: Instant
  readonly expiresAt: Instant | null
  /** When a revocation or expiry was recorded; `null` while none is. */
  readonly endedAt: Instant | null
  readonly endedHow: 'revoked' | 'expired' | null
  /**
   * The parts of time in which the grant gave access: from `validFrom` to its expiry or recorded
   * end, outside the account's archives; empty for a grant that ended before it began.
   * @since 0.3.0
   */
  readonly accessible: ReadonlyArray<Span>
}

/**
 * Why a principal could access an account: as its owner, as a member of its team (since 0.3.0),
 * or through a grant.
 * @category queries
 * @since 0.1.0
 */
export type AccessReason =
  | { readonly via: 'owner'; readonly principalId: PrincipalId; readonly since: Instant }
  | { readonly via: 'team'; readonly principalId: PrincipalId; readonly role: TeamRole; readonly since: Instant }
  | { readonly via: 'grant'; readonly principalId: PrincipalId; readonly grant: AccessGrant }

const endOf = (row: Selectable<AccessGrantTable>): Instant | null => {
  const ends = [row.expires_at, row.ended_at].filter((end): end is string => end !== null).sort()
  return (ends[0] ?? null) as Instant | null
}

// The grants of the rows, each with its accessible parts: one query for the archives of their accounts.
const withAccessibleParts = async (db: Kysely<Tables>, rows: ReadonlyArray<Selectable<AccessGrantTable>>): Promise<ReadonlyArray<AccessGrant>> => {
  const accountIds = [...new Set(rows.map((row) => row.account_id))]
  const archives = new Map<string, Span[]>()
  for (let i = 0; i < accountIds.length; i += 10_000) {
    const chunk = accountIds.slice(i, i + 10_000)
    for (const a of await db.selectFrom('archive_periods').select(['account_id', 'archived_at', 'restored_at']).where('account_id', 'in', chunk).execute()) {
      archives.set(a.account_id, [...(archives.get(a.account_id) ?? []), { from: a.archived_at as Instant, to: a.restored_at as Instant | null }])
    }
  }
  return rows.map((row) => accessGrantOf(row, accessibleParts({ from: row.valid_from as Instant, to: endOf(row) }, archives.get(row.account_id) ?? []).map(({ from, to }) => ({ from, to }))))
}

/**
 * A row of `access_grants` as an `AccessGrant`, with the parts of time in which it gave access
 * (as `grantsOf` computes them); for queries of other packages over the same table.
 * @category queries
 * @since 0.3.0
 */
export const accessGrantOf = (row: Selectable<AccessGrantTable>, accessible: ReadonlyArray<Span>): AccessGrant => ({
  accountId: row.account_id as AccountId,
  grantId: row.grant_id as GrantId,
  granteeId: row.grantee_id as PrincipalId,
  scope: row.scope,
  purpose: row.purpose,
  legalBasis: row.legal_basis as LegalBasis,
  grantedBy: row.granted_by as PrincipalId,
  validFrom: row.valid_from as Instant,
  expiresAt: row.expires_at as Instant | null,
  endedAt: row.ended_at as Instant | null,
  endedHow: row.ended_how,
  accessible,
})

/**
 * The account's archive that holds at `t`, if any, as a query to run or to nest in a larger one
 * (`eb.exists(archiveAt(db, accountId, t))`): the one lookup of "archived at `t`" that `accessAt`
 * and other packages' queries share. Arguments are not checked; decode them first.
 * @category queries
 * @since 0.3.0
 * @example
 * const archived = (await archiveAt(db, 'kunde-2', '2026-03-09T00:00:00.000Z').executeTakeFirst()) !== undefined
 */
export const archiveAt = (db: Kysely<{ readonly archive_periods: ArchivePeriodTable }>, accountId: string, t: string) =>
  db
    .selectFrom('archive_periods')
    .select('account_id')
    .where('account_id', '=', accountId)
    .where('archived_at', '<=', t)
    .where((eb) => eb.or([eb('restored_at', 'is', null), eb('restored_at', '>', t)]))
    .limit(1)

// accessAt's three lookups, built and compiled once per database.
type AtArguments = { readonly accountId: string; readonly at: string }
const atArguments = ['accountId', 'at'] as const
const archivedAt = precompiled((db: Kysely<Tables>, { accountId, at }: AtArguments) => archiveAt(db, accountId, at), atArguments)
const grantsAt = precompiled(
  (db: Kysely<Tables>, { accountId, at }: AtArguments) =>
    db
      .selectFrom('access_grants')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('granted_at', '<=', at)
      .where('valid_from', '<=', at)
      .where((eb) => eb.and([eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', at)]), eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)])]))
      .orderBy('grant_id'),
  atArguments,
)
const teamAt = precompiled(
  (db: Kysely<Tables>, { accountId, at }: AtArguments) =>
    db
      .selectFrom('team_periods')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('joined_at', '<=', at)
      .where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>', at)]))
      .orderBy('principal_id'),
  atArguments,
)

/**
 * Everyone who could access the account's data at `at`, each with the reason — the owner first,
 * then team members and grantees; nobody while the account was archived. Agrees with core's
 * `hasAccess` on a replay of the log up to `at`.
 * @category queries
 * @since 0.1.0
 */
export const accessAt = async (db: Kysely<Tables>, accountId: string, at: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccessReason>>> => {
  const id = accountIdArgument('accountId', accountId)
  if (E.isLeft(id)) return id
  const instant = instantArgument('at', at)
  if (E.isLeft(instant)) return instant
  const t = instant.right
  if ((await archivedAt(db, { accountId: id.right, at: t })).rows.length > 0) return E.right([])
  const owner = await ownerAt(db, id.right, t)
  if (E.isLeft(owner)) return owner
  const { rows: grants } = await grantsAt(db, { accountId: id.right, at: t })
  const { rows: team } = await teamAt(db, { accountId: id.right, at: t })
  const byOwner: ReadonlyArray<AccessReason> = owner.right === null ? [] : [{ via: 'owner', principalId: owner.right.ownerId, since: owner.right.from }]
  const byTeam = team.map((row): AccessReason => ({ via: 'team', principalId: row.principal_id as PrincipalId, role: row.role as TeamRole, since: row.joined_at as Instant }))
  const byGrant = (await withAccessibleParts(db, grants)).map((grant): AccessReason => ({ via: 'grant', principalId: grant.granteeId, grant }))
  return E.right([...byOwner, ...byTeam, ...byGrant])
}

/**
 * Every grant a principal has held, newest first, each with the parts of time in which it gave
 * access.
 * @category queries
 * @since 0.1.0
 */
export const grantsOf = async (db: Kysely<Tables>, principalId: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccessGrant>>> => {
  const id = principalIdArgument('principalId', principalId)
  if (E.isLeft(id)) return id
  const rows = await db.selectFrom('access_grants').selectAll().where('grantee_id', '=', id.right).orderBy('granted_at', 'desc').orderBy('grant_id').execute()
  return E.right(await withAccessibleParts(db, rows))
}

/**
 * Grants that never expire and have not ended — the first thing an access review looks at.
 * @category queries
 * @since 0.1.0
 */
export const grantsWithoutExpiry = async (db: Kysely<Tables>): Promise<ReadonlyArray<AccessGrant>> =>
  withAccessibleParts(db, await db.selectFrom('access_grants').selectAll().where('expires_at', 'is', null).where('ended_at', 'is', null).orderBy('granted_at').orderBy('grant_id').execute())

/**
 * Grants granted on or before `reviewDate` with no recorded end: due for review. Grants whose
 * expiry has passed without being recorded are included, so that their expiry gets recorded.
 * @category queries
 * @since 0.1.0
 */
export const grantsDueForReview = async (db: Kysely<Tables>, reviewDate: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccessGrant>>> => {
  const date = instantArgument('reviewDate', reviewDate)
  if (E.isLeft(date)) return date
  const rows = await db.selectFrom('access_grants').selectAll().where('ended_at', 'is', null).where('granted_at', '<=', date.right).orderBy('granted_at').orderBy('grant_id').execute()
  return E.right(await withAccessibleParts(db, rows))
}
