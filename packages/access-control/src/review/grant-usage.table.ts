/**
 * What an access review (Berechtigungsprüfung) reads besides the grants: how often and when each
 * grant was last used, from the access log, and the outcome of every review of it.
 *
 * @module
 */
import type { PositionColumn } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

/**
 * The use of one grant: decisions allowed under it.
 * @category tables
 * @since 0.3.0
 */
export interface GrantUsageTable {
  readonly account_id: string
  readonly grant_id: string
  readonly first_used_at: string
  readonly last_used_at: string
  readonly uses: number
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
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_grant_usage_pk', ['account_id', 'grant_id'])
    .execute()
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
