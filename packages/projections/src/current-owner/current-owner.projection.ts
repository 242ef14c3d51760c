/**
 * The current owner projection (Kundenverantwortung heute): keeps one row per account in step
 * with its lifecycle and ownership events. A sole trader's display name is personal data: when
 * the account is erased as a subject (`account:<accountId>`), its name here is overwritten too.
 *
 * @module
 */
import { erasedMarker } from '@account-ownership/core'
import { loadBatchRows, type BatchTable } from '../runtime/batch-rows.js'
import { accountIdsOf, erasedIdOf } from '../runtime/erasure.js'
import { defineProjection } from '../runtime/projection.js'
import { createCurrentOwnerTable, type CurrentOwnerTable } from './current-owner.table.js'

// Typed on its own tables only: it runs on any database that has them, beside other projections.
type Tables = { readonly current_owners: CurrentOwnerTable }
type Handled = 'AccountOpened' | 'OwnershipAssigned' | 'OwnershipTransferred' | 'AccountOrphaned' | 'AccountClassified' | 'AccountArchived' | 'AccountRestored' | 'PersonalDataErased'

const currentOwners: BatchTable<CurrentOwnerTable> = { table: 'current_owners', key: ['account_id'], positions: ['position'] }

/**
 * The projection of the `current_owners` table.
 * @category projections
 * @since 0.1.0
 */
export const currentOwnerProjection = defineProjection<Tables, Handled>({
  name: 'current-owner',
  version: 2,
  handles: ['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred', 'AccountOrphaned', 'AccountClassified', 'AccountArchived', 'AccountRestored', 'PersonalDataErased'],
  tables: ['current_owners'],
  createTables: createCurrentOwnerTable,
  async load(events, tx) {
    const rows = await loadBatchRows(tx, currentOwners, accountIdsOf(events))
    // Erased accounts, their names overwritten after the batch's rows are written: an account
    // opens once, so a name an erasure finds was written before it — and an account opened after
    // an erasure of it was recorded (nothing checks that the subject exists) keeps its name, as it
    // does where the two fall in different batches. The row's position stays: a rebuild reads the
    // name as erased already and gives the row the same position.
    const erased = new Set<string>()
    return {
      apply(event) {
        const at = event.metadata.occurredAt
        const position = event.metadata.globalPosition.toString()
        if (event.type === 'PersonalDataErased') {
          const accountId = erasedIdOf(event, 'account')
          if (accountId !== undefined) erased.add(accountId)
          return
        }
        if (event.type === 'AccountOpened') {
          const { accountId, tenantId, displayName, tier } = event.data
          erased.delete(accountId)
          const soleTrader = event.data.soleTrader === true ? 1 : 0
          const opened = { account_id: accountId, tenant_id: tenantId, display_name: displayName, sole_trader: soleTrader, tier, opened_at: at, ownership: 'unassigned', owner_id: null, ownership_since: null, previous_owner_id: null, lifecycle: 'open', archived_at: null, archive_reason: null, position } as const
          return rows.insert(opened)
        }
        // An event for an account never opened changes nothing, as an update of no row would.
        const row = rows.openOf(event.data.accountId)[0]
        if (row === undefined) return
        switch (event.type) {
          case 'OwnershipAssigned':
            return rows.update(row, { ownership: 'owned', owner_id: event.data.ownerId, ownership_since: at, previous_owner_id: null, position })
          case 'OwnershipTransferred':
            return rows.update(row, { ownership: 'owned', owner_id: event.data.toOwnerId, ownership_since: at, previous_owner_id: null, position })
          case 'AccountOrphaned':
            return rows.update(row, { ownership: 'orphaned', owner_id: null, ownership_since: at, previous_owner_id: event.data.previousOwnerId, position })
          case 'AccountClassified':
            return rows.update(row, { tier: event.data.tier, position })
          case 'AccountArchived':
            return rows.update(row, { lifecycle: 'archived', archived_at: at, archive_reason: event.data.reason, position })
          case 'AccountRestored':
            return rows.update(row, { lifecycle: 'open', archived_at: null, archive_reason: null, position })
        }
      },
      more: (events) => rows.more(tx, accountIdsOf(events)),
      async save() {
        await rows.save(tx)
        for (const accountId of erased) {
          await tx.updateTable('current_owners').set({ display_name: erasedMarker }).where('account_id', '=', accountId).where('sole_trader', '=', 1).execute()
        }
      },
    }
  },
})
