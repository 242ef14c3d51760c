/**
 * The access review's projection: each decision allowed under a grant counts as a use of it,
 * and each `GrantReviewed` becomes a row of the grant's review history.
 *
 * @module
 */
import { defineProjection, insertRows, upsertRows, type BatchRow } from '@account-ownership/projections'
import { createReviewTables, type GrantReviewTable, type GrantUsageTable, type ReviewTables } from './grant-usage.table.js'

const keyOf = (accountId: string, grantId: string) => `${accountId}\u0000${grantId}`

/**
 * The projection of `access_grant_usage` and `access_grant_reviews`.
 * @category projections
 * @since 0.3.0
 */
export const grantUsageProjection = defineProjection<ReviewTables, 'AccessDecided' | 'GrantReviewed'>({
  name: 'access-review',
  version: 1,
  handles: ['AccessDecided', 'GrantReviewed'],
  tables: ['access_grant_usage', 'access_grant_reviews'],
  createTables: createReviewTables,
  async load(events, tx) {
    const grantIds = [...new Set(events.flatMap((e) => (e.type === 'AccessDecided' && e.data.grantId !== null && e.data.outcome === 'allowed' ? [e.data.grantId as string] : [])))]
    const usage = new Map<string, BatchRow<GrantUsageTable>>()
    if (grantIds.length > 0) for (const row of await tx.selectFrom('access_grant_usage').selectAll().where('grant_id', 'in', grantIds).execute()) usage.set(keyOf(row.account_id, row.grant_id), row)
    const changed = new Set<string>()
    const reviews: BatchRow<GrantReviewTable>[] = []
    return {
      apply(event) {
        const at = event.metadata.occurredAt
        if (event.type === 'GrantReviewed') {
          const d = event.data
          reviews.push({ position: event.metadata.globalPosition.toString(), review_stream: event.metadata.streamId, account_id: d.accountId, grant_id: d.grantId, reviewed_by: d.reviewedBy, reviewed_at: at, outcome: d.outcome })
          return
        }
        const d = event.data
        if (d.outcome !== 'allowed' || d.grantId === null) return
        const key = keyOf(d.accountId, d.grantId)
        const before = usage.get(key)
        usage.set(key, {
          account_id: d.accountId,
          grant_id: d.grantId,
          first_used_at: before === undefined || at < before.first_used_at ? at : before.first_used_at,
          last_used_at: before === undefined || at > before.last_used_at ? at : before.last_used_at,
          uses: Number(before?.uses ?? 0) + 1,
        })
        changed.add(key)
      },
      async save() {
        await upsertRows(tx, 'access_grant_usage', ['account_id', 'grant_id'], [...changed].map((key) => usage.get(key)!))
        await insertRows(tx, 'access_grant_reviews', reviews)
      },
    }
  },
})
