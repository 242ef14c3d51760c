/**
 * What an access review (Berechtigungsprüfung) reads besides the grants: every use of each grant,
 * from the access log — one row each, so that a review as of any date counts only the uses by
 * then — and the outcome of every review of it.
 *
 * @module
 */
import type { PositionColumn } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

/**
 * One use of a grant: a decision allowed under it, at the decision's business time.
 * @category tables
 * @since 0.3.0
 */
export interface GrantUsageTable {
  /** The `AccessDecided` event's position in the log. */
  readonly position: PositionColumn
  readonly account_id: string
  readonly grant_id: string
  readonly used_at: string
}

/**
 * One review outcome of one grant.
 * @category tables
 * @since 0.3.0
 */
export interface GrantReviewTable {
  readonly position: PositionColumn
  /** The review's stream, `accessreview-<reviewId>`. */
  readonly review_stream: string
  readonly account_id: string
  readonly grant_id: string
  readonly reviewed_by: string
  readonly reviewed_at: string
  readonly outcome: 'confirmed' | 'revoked'
}

/**
 * The tables of the access review, as one Kysely database type.
 * @category tables
 * @since 0.3.0
 */
export interface ReviewTables {
  readonly access_grant_usage: GrantUsageTable
  readonly access_grant_reviews: GrantReviewTable
}

/**
 * Create the grant usage and review tables.
 * @category tables
 * @since 0.3.0
 */
export const createReviewTables = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('access_grant_usage')
    .ifNotExists()
    .addColumn('position', 'bigint', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_grant_usage_by_grant').ifNotExists().on('access_grant_usage').columns(['account_id', 'grant_id', 'used_at']).execute()
  await db.schema
    .createTable('access_grant_reviews')
    .ifNotExists()
    .addColumn('position', 'bigint', (c) => c.primaryKey())
    .addColumn('review_stream', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_grant_reviews_by_grant').ifNotExists().on('access_grant_reviews').columns(['account_id', 'grant_id', 'reviewed_at']).execute()
}
