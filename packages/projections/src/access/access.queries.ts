/**
 * Queries of access (Zugriffsberechtigung): who could access an account's data at a point in
 * business time and why — as its owner, or through a grant with a purpose and a legal basis —
 * the grants a principal holds, and the grants an access review should look at.
 * `accessAt` also reads the ownership history, so run both projections.
 *
 * @module
 */
import type { AccountId, GrantId, Instant, LegalBasis, PrincipalId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely, Selectable } from 'kysely'
import type { OwnershipPeriodTable } from '../ownership-history/ownership-history.table.js'
import { ownerAt } from '../ownership-history/ownership-history.queries.js'
import type { InvalidQueryError } from '../query/invalid-query-error.js'
import { accountIdArgument, instantArgument, principalIdArgument } from '../query/query-input.js'
import type { AccessGrantTable, ArchivePeriodTable } from './access.table.js'

type Tables = { readonly access_grants: AccessGrantTable; readonly archive_periods: ArchivePeriodTable; readonly ownership_periods: OwnershipPeriodTable }

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
}

/**
 * Why a principal could access an account: as its owner, or through a grant.
 * @category queries
 * @since 0.1.0
 */
export type AccessReason =
  | { readonly via: 'owner'; readonly principalId: PrincipalId; readonly since: Instant }
  | { readonly via: 'grant'; readonly principalId: PrincipalId; readonly grant: AccessGrant }

const grantOf = (row: Selectable<AccessGrantTable>): AccessGrant => ({
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
})

/**
 * Everyone who could access the account's data at `at`, each with the reason; nobody while
 * the account was archived. Agrees with `hasAccess` on a replay of the log up to `at`.
 * @category queries
 * @since 0.1.0
 */
export const accessAt = async (db: Kysely<Tables>, accountId: string, at: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccessReason>>> => {
  const id = accountIdArgument('accountId', accountId)
  if (E.isLeft(id)) return id
  const instant = instantArgument('at', at)
  if (E.isLeft(instant)) return instant
  const t = instant.right
  const archived = await db
    .selectFrom('archive_periods')
    .select('account_id')
    .where('account_id', '=', id.right)
    .where('archived_at', '<=', t)
    .where((eb) => eb.or([eb('restored_at', 'is', null), eb('restored_at', '>', t)]))
    .executeTakeFirst()
  if (archived !== undefined) return E.right([])
  const owner = await ownerAt(db, id.right, t)
  if (E.isLeft(owner)) return owner
  const grants = await db
    .selectFrom('access_grants')
    .selectAll()
    .where('account_id', '=', id.right)
    .where('granted_at', '<=', t)
    .where('valid_from', '<=', t)
    .where((eb) => eb.and([eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', t)]), eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', t)])]))
    .orderBy('grant_id')
    .execute()
  const byOwner: ReadonlyArray<AccessReason> = owner.right === null ? [] : [{ via: 'owner', principalId: owner.right.ownerId, since: owner.right.from }]
  return E.right([...byOwner, ...grants.map((row): AccessReason => ({ via: 'grant', principalId: row.grantee_id as PrincipalId, grant: grantOf(row) }))])
}

/**
 * Every grant a principal has held, newest first.
 * @category queries
 * @since 0.1.0
 */
export const grantsOf = async (db: Kysely<Tables>, principalId: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccessGrant>>> => {
  const id = principalIdArgument('principalId', principalId)
  if (E.isLeft(id)) return id
  const rows = await db.selectFrom('access_grants').selectAll().where('grantee_id', '=', id.right).orderBy('granted_at', 'desc').orderBy('grant_id').execute()
  return E.right(rows.map(grantOf))
}

/**
 * Grants that never expire and have not ended — the first thing an access review looks at.
 * @category queries
 * @since 0.1.0
 */
export const grantsWithoutExpiry = async (db: Kysely<Tables>): Promise<ReadonlyArray<AccessGrant>> =>
  (await db.selectFrom('access_grants').selectAll().where('expires_at', 'is', null).where('ended_at', 'is', null).orderBy('granted_at').orderBy('grant_id').execute()).map(grantOf)

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
  return E.right(rows.map(grantOf))
}
