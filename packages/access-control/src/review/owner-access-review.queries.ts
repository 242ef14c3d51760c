/**
 * The periodic access review of one owner (Berechtigungsprüfung je Verantwortlichem): every grant
 * they gave that is in force at the review date, how old it is, how often and when it was last
 * used by that date according to the access log, and how it was last reviewed by then — and,
 * apart, the grants never used by then, the first candidates for revocation. Everything is as of
 * the review date: a review run again later for the same date gives the same report. Across owners, the DSGVO package's `accessReview` lists the grants
 * without expiry, the old ones and those of offboarded principals on the audit tables.
 *
 * @module
 */
import type { AccessScope, AccountId, GrantId, Instant, LegalBasis, PrincipalId } from '@account-ownership/core'
import { instantArgument, invalidQuery, principalIdArgument, type AccessGrantTable, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import type { ReviewTables } from './grant-usage.table.js'

/**
 * One grant under review.
 * @category review
 * @since 0.3.0
 */
export interface GrantUnderReview {
  readonly accountId: AccountId
  readonly grantId: GrantId
  readonly granteeId: PrincipalId
  readonly scope: AccessScope
  readonly purpose: string
  readonly legalBasis: LegalBasis
  readonly grantedAt: Instant
  readonly expiresAt: Instant | null
  /** Whole days from the grant to the review date. */
  readonly ageDays: number
  /** Decisions allowed under the grant at or before `at` (business time). */
  readonly uses: number
  /** The last of those decisions; `null` when there is none. */
  readonly lastUsedAt: Instant | null
  /** The last review outcome recorded by `at`. */
  readonly lastReview: { readonly outcome: 'confirmed' | 'revoked'; readonly at: Instant; readonly by: PrincipalId } | null
}

/**
 * The review of one owner's grants at a date.
 * @category review
 * @since 0.3.0
 */
export interface OwnerAccessReview {
  readonly ownerId: PrincipalId
  readonly at: Instant
  /** Every grant the owner gave that is in force at `at`, oldest first. */
  readonly grants: ReadonlyArray<GrantUnderReview>
  /** Those of them that no decision of the access log was allowed under by `at`. */
  readonly neverUsed: ReadonlyArray<GrantUnderReview>
}

type Tables = ReviewTables & { readonly access_grants: AccessGrantTable }

const day = 86_400_000
const keyOf = (row: { readonly account_id: string; readonly grant_id: string }) => `${row.account_id}\u0000${row.grant_id}`

/**
 * The access review of the grants `ownerId` gave, as of `at`. Run `grantUsageProjection` over
 * the access log beside the access read model.
 * @category review
 * @since 0.3.0
 * @example
 * const review = await ownerAccessReview(db, { ownerId: 'hanna', at: '2026-06-30T00:00:00Z' })
 */
export const ownerAccessReview = async (db: Kysely<Tables>, options: { readonly ownerId: string; readonly at: string }): Promise<E.Either<InvalidQueryError, OwnerAccessReview>> => {
  if (typeof options !== 'object' || options === null) return E.left(invalidQuery('options', 'expected { ownerId, at }'))
  const ownerId = principalIdArgument('ownerId', options.ownerId)
  if (E.isLeft(ownerId)) return ownerId
  const at = instantArgument('at', options.at)
  if (E.isLeft(at)) return at
  const t = at.right
  const rows = await db
    .selectFrom('access_grants')
    .select(['account_id', 'grant_id', 'grantee_id', 'scope', 'purpose', 'legal_basis', 'granted_at', 'expires_at'])
    .where('granted_by', '=', ownerId.right)
    .where('granted_at', '<=', t)
    .where((eb) => eb.and([eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', t)]), eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', t)])]))
    .orderBy('granted_at')
    .orderBy('grant_id')
    .execute()
  const reviews = new Map<string, GrantUnderReview['lastReview']>()
  const usage = new Map<string, { readonly uses: number; readonly lastUsedAt: Instant }>()
  if (rows.length > 0) {
    const grantIds = [...new Set(rows.map((r) => r.grant_id))]
    const reviewed = await db.selectFrom('access_grant_reviews').selectAll().where('grant_id', 'in', grantIds).where('reviewed_at', '<=', t).orderBy('reviewed_at').orderBy('position').execute()
    for (const r of reviewed) reviews.set(keyOf(r), { outcome: r.outcome, at: r.reviewed_at as Instant, by: r.reviewed_by as PrincipalId })
    // Only the uses by the review date: a decision logged under the grant later is no use yet.
    const used = await db
      .selectFrom('access_grant_usage')
      .select((eb) => ['account_id', 'grant_id', eb.fn.countAll<number | string>().as('uses'), eb.fn.max('used_at').as('last_used_at')])
      .where('grant_id', 'in', grantIds)
      .where('used_at', '<=', t)
      .groupBy(['account_id', 'grant_id'])
      .execute()
    for (const u of used) usage.set(keyOf(u), { uses: Number(u.uses), lastUsedAt: u.last_used_at as Instant })
  }
  const grants = rows.map(
    (r): GrantUnderReview => ({
      accountId: r.account_id as AccountId,
      grantId: r.grant_id as GrantId,
      granteeId: r.grantee_id as PrincipalId,
      scope: r.scope,
      purpose: r.purpose,
      legalBasis: r.legal_basis as LegalBasis,
      grantedAt: r.granted_at as Instant,
      expiresAt: r.expires_at as Instant | null,
      ageDays: Math.floor((Date.parse(t) - Date.parse(r.granted_at)) / day),
      uses: usage.get(keyOf(r))?.uses ?? 0,
      lastUsedAt: usage.get(keyOf(r))?.lastUsedAt ?? null,
      lastReview: reviews.get(keyOf(r)) ?? null,
    }),
  )
  return E.right({ ownerId: ownerId.right, at: t, grants, neverUsed: grants.filter((g) => g.uses === 0) })
}
