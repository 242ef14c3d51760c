/**
 * The current owner projection (Kundenverantwortung heute): keeps one row per account in step
 * with its lifecycle and ownership events.
 *
 * @module
 */
import { loadBatchRows, type BatchTable } from '../runtime/batch-rows.js'
import { defineProjection } from '../runtime/projection.js'
import { createCurrentOwnerTable, type CurrentOwnerTable } from './current-owner.table.js'

// Typed on its own tables only: it runs on any database that has them, beside other projections.
type Tables = { readonly current_owners: CurrentOwnerTable }
type Handled = 'AccountOpened' | 'OwnershipAssigned' | 'OwnershipTransferred' | 'AccountOrphaned' | 'AccountClassified' | 'AccountArchived' | 'AccountRestored'

const currentOwners: BatchTable<CurrentOwnerTable> = { table: 'current_owners', key: ['account_id'], positions: ['position'] }

/**
 * The projection of the `current_owners` table.
 * @category projections
 * @since 0.1.0
 */
export const currentOwnerProjection = defineProjection<Tables, Handled>({
  name: 'current-owner',
  version: 1,
  handles: ['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred', 'AccountOrphaned', 'AccountClassified', 'AccountArchived', 'AccountRestored'],
  tables: ['current_owners'],
  createTables: createCurrentOwnerTable,
  async load(events, tx) {
    const rows = await loadBatchRows(tx, currentOwners, events.map((event) => event.data.accountId))
    return {
      apply(event) {
        const at = event.metadata.occurredAt
        const position = event.metadata.globalPosition.toString()
        if (event.type === 'AccountOpened') {
          const { accountId, tenantId, displayName, tier } = event.data
          const opened = { account_id: accountId, tenant_id: tenantId, display_name: displayName, tier, opened_at: at, ownership: 'unassigned', owner_id: null, ownership_since: null, previous_owner_id: null, lifecycle: 'open', archived_at: null, archive_reason: null, position } as const
          return rows.insert(opened)
        }
        // An event for an account never opened changes nothing, as an update of no row would.
        const row = rows.openOf(event.data.accountId)[0]
        if (row === undefined) return
        const change = (values: Partial<CurrentOwnerTable>) => rows.update(row, { ...values, position })
        switch (event.type) {
          case 'OwnershipAssigned':
            return change({ ownership: 'owned', owner_id: event.data.ownerId, ownership_since: at, previous_owner_id: null })
          case 'OwnershipTransferred':
            return change({ ownership: 'owned', owner_id: event.data.toOwnerId, ownership_since: at, previous_owner_id: null })
          case 'AccountOrphaned':
            return change({ ownership: 'orphaned', owner_id: null, ownership_since: at, previous_owner_id: event.data.previousOwnerId })
          case 'AccountClassified':
            return change({ tier: event.data.tier })
          case 'AccountArchived':
            return change({ lifecycle: 'archived', archived_at: at, archive_reason: event.data.reason })
          case 'AccountRestored':
            return change({ lifecycle: 'open', archived_at: null, archive_reason: null })
        }
      },
      save: () => rows.save(tx),
    }
  },
})
