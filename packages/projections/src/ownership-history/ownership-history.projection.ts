/**
 * The ownership history projection: an assignment or transfer closes the open period and
 * begins the next; an orphaning closes it. Business time comes from `occurredAt`.
 *
 * @module
 */
import { loadBatchRows, type BatchTable } from '../runtime/batch-rows.js'
import { defineProjection } from '../runtime/projection.js'
import { createOwnershipHistoryTable, type OwnershipPeriodTable } from './ownership-history.table.js'

// Typed on its own tables only: it runs on any database that has them, beside other projections.
type Tables = { readonly ownership_periods: OwnershipPeriodTable }
type Handled = 'OwnershipAssigned' | 'OwnershipTransferred' | 'AccountOrphaned'

const ownershipPeriods: BatchTable<OwnershipPeriodTable> = { table: 'ownership_periods', key: ['account_id', 'began_at_position'], positions: ['began_at_position'], open: 'valid_to' }

/**
 * The projection of the `ownership_periods` table.
 * @category projections
 * @since 0.1.0
 */
export const ownershipHistoryProjection = defineProjection<Tables, Handled>({
  name: 'ownership-history',
  version: 1,
  handles: ['OwnershipAssigned', 'OwnershipTransferred', 'AccountOrphaned'],
  tables: ['ownership_periods'],
  createTables: createOwnershipHistoryTable,
  async load(events, tx) {
    const periods = await loadBatchRows(tx, ownershipPeriods, events.map((event) => event.data.accountId))
    return {
      apply(event) {
        const { accountId } = event.data
        const at = event.metadata.occurredAt
        // An assignment follows an orphaning, so it normally finds no open period; closing anyway
        // keeps "at most one open period" true even for a log written by another tool.
        const endedWith = event.type === 'AccountOrphaned' ? 'orphaned' : 'transferred'
        for (const period of periods.openOf(accountId)) periods.update(period, { valid_to: at, ended_with: endedWith })
        if (event.type === 'AccountOrphaned') return
        const transferred = event.type === 'OwnershipTransferred'
        periods.insert({
          account_id: accountId,
          began_at_position: event.metadata.globalPosition.toString(),
          owner_id: transferred ? event.data.toOwnerId : event.data.ownerId,
          valid_from: at,
          valid_to: null,
          began_with: transferred ? 'transferred' : 'assigned',
          reason_code: transferred ? event.data.reasonCode : null,
          transfer_id: transferred ? (event.data.transferId ?? null) : null,
          actor_id: event.metadata.actor.principalId,
          ended_with: null,
        })
      },
      more: (events) => periods.more(tx, events.map((event) => event.data.accountId)),
      save: () => periods.save(tx),
    }
  },
})
