/**
 * The current owner projection (Kundenverantwortung heute): keeps one row per account in step
 * with its lifecycle and ownership events.
 *
 * @module
 */
import type { Transaction } from 'kysely'
import type { ReadModels } from '../database.js'
import { defineProjection, type RecordedOf } from '../runtime/projection.js'
import { createCurrentOwnerTable, type CurrentOwnerTable } from './current-owner.table.js'

// Typed on all read models, so that a list of projections shares one database type.
type Tables = ReadModels
type Handled = 'AccountOpened' | 'OwnershipAssigned' | 'OwnershipTransferred' | 'AccountOrphaned' | 'AccountClassified' | 'AccountArchived' | 'AccountRestored'

const change = (tx: Transaction<Tables>, event: RecordedOf<Handled>, values: Partial<Omit<CurrentOwnerTable, 'account_id' | 'position'>>) =>
  tx
    .updateTable('current_owners')
    .set({ ...values, position: event.metadata.globalPosition.toString() })
    .where('account_id', '=', event.data.accountId)
    .execute()

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
  async apply(event, tx) {
    const at = event.metadata.occurredAt
    switch (event.type) {
      case 'AccountOpened': {
        const { accountId, tenantId, displayName, tier } = event.data
        await tx
          .insertInto('current_owners')
          .values({
            account_id: accountId,
            tenant_id: tenantId,
            display_name: displayName,
            tier,
            opened_at: at,
            ownership: 'unassigned',
            owner_id: null,
            ownership_since: null,
            previous_owner_id: null,
            lifecycle: 'open',
            archived_at: null,
            archive_reason: null,
            position: event.metadata.globalPosition.toString(),
          })
          .execute()
        return
      }
      case 'OwnershipAssigned':
        return void (await change(tx, event, { ownership: 'owned', owner_id: event.data.ownerId, ownership_since: at, previous_owner_id: null }))
      case 'OwnershipTransferred':
        return void (await change(tx, event, { ownership: 'owned', owner_id: event.data.toOwnerId, ownership_since: at, previous_owner_id: null }))
      case 'AccountOrphaned':
        return void (await change(tx, event, { ownership: 'orphaned', owner_id: null, ownership_since: at, previous_owner_id: event.data.previousOwnerId }))
      case 'AccountClassified':
        return void (await change(tx, event, { tier: event.data.tier }))
      case 'AccountArchived':
        return void (await change(tx, event, { lifecycle: 'archived', archived_at: at, archive_reason: event.data.reason }))
      case 'AccountRestored':
        return void (await change(tx, event, { lifecycle: 'open', archived_at: null, archive_reason: null }))
    }
  },
})
