/**
 * The access review's projection: each decision allowed under a grant becomes a row of the
 * grant's uses, and each `GrantReviewed` a row of its review history.
 *
 * @module
 */
import { defineProjection, insertRows, type BatchRow } from '@account-ownership/projections'
import { createReviewTables, type GrantReviewTable, type GrantUsageTable, type ReviewTables } from './grant-usage.table.js'

/**
 * The projection of `access_grant_usage` and `access_grant_reviews`. Version 2 keeps every use
 * instead of a count and the last one, so that a review counts the uses by its date.
 * @category projections
 * @since 0.3.0
 */
export const grantUsageProjection = defineProjection<ReviewTables, 'AccessDecided' | 'GrantReviewed'>({
  name: 'access-review',
  version: 2,
  handles: ['AccessDecided', 'GrantReviewed'],
  tables: ['access_grant_usage', 'access_grant_reviews'],
  createTables: createReviewTables,
  async load(_events, tx) {
    const uses: BatchRow<GrantUsageTable>[] = []
    const reviews: BatchRow<GrantReviewTable>[] = []
    return {
      apply(event) {
        const at = event.metadata.occurredAt
        const position = event.metadata.globalPosition.toString()
        if (event.type === 'GrantReviewed') {
          const d = event.data
          reviews.push({ position, review_stream: event.metadata.streamId, account_id: d.accountId, grant_id: d.grantId, reviewed_by: d.reviewedBy, reviewed_at: at, outcome: d.outcome })
          return
        }
        const d = event.data
        if (d.outcome === 'allowed' && d.grantId !== null) uses.push({ position, account_id: d.accountId, grant_id: d.grantId, used_at: at })
      },
      async save() {
        await insertRows(tx, 'access_grant_usage', uses)
        await insertRows(tx, 'access_grant_reviews', reviews)
      },
    }
  },
})
