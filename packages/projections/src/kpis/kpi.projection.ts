/**
 * The KPI projection: records when each transfer request was decided and how long each
 * orphaned spell lasted. Durations are differences of business times taken from the events.
 *
 * @module
 */
import { millisOf, type Instant } from '@account-ownership/core'
import { loadBatchRows, type BatchTable } from '../runtime/batch-rows.js'
import { defineProjection } from '../runtime/projection.js'
import { createKpiTables, type OrphanSpellTable, type TransferRequestTable } from './kpi.table.js'

// Typed on its own tables only: it runs on any database that has them, beside other projections.
type Tables = { readonly transfer_requests: TransferRequestTable; readonly orphan_spells: OrphanSpellTable }
type Handled = 'OwnershipTransferRequested' | 'OwnershipTransferApproved' | 'OwnershipTransferRejected' | 'AccountOrphaned' | 'OwnershipAssigned'

const transferRequests: BatchTable<TransferRequestTable> = { table: 'transfer_requests', key: ['account_id', 'requested_at_position'], positions: ['requested_at_position'], open: 'decision' }
const orphanSpells: BatchTable<OrphanSpellTable> = { table: 'orphan_spells', key: ['account_id', 'orphaned_at_position'], positions: ['orphaned_at_position'], open: 'ended_at' }

const between = (from: string, to: Instant): number => millisOf(to) - millisOf(from as Instant)

/**
 * The projection of the `transfer_requests` and `orphan_spells` tables.
 * @category projections
 * @since 0.1.0
 */
export const kpiProjection = defineProjection<Tables, Handled>({
  name: 'kpis',
  version: 1,
  handles: ['OwnershipTransferRequested', 'OwnershipTransferApproved', 'OwnershipTransferRejected', 'AccountOrphaned', 'OwnershipAssigned'],
  tables: ['transfer_requests', 'orphan_spells'],
  createTables: createKpiTables,
  async load(events, tx) {
    const accountIds = new Set(events.map((event) => event.data.accountId))
    const requests = await loadBatchRows(tx, transferRequests, accountIds)
    const spells = await loadBatchRows(tx, orphanSpells, accountIds)
    return {
      apply(event) {
        const at = event.metadata.occurredAt
        const accountId = event.data.accountId
        switch (event.type) {
          case 'OwnershipTransferRequested': {
            const { transferId, reasonCode, requestedBy } = event.data
            return requests.insert({ account_id: accountId, requested_at_position: event.metadata.globalPosition.toString(), transfer_id: transferId, reason_code: reasonCode, requested_by: requestedBy, requested_at: at, decision: null, decided_by: null, decided_at: null, decision_millis: null })
          }
          case 'OwnershipTransferApproved':
          case 'OwnershipTransferRejected': {
            const request = requests.openOf(accountId).find((row) => row.transfer_id === event.data.transferId)
            if (request === undefined) return
            const approved = event.type === 'OwnershipTransferApproved'
            return requests.update(request, { decision: approved ? 'approved' : 'rejected', decided_by: approved ? event.data.approvedBy : event.data.rejectedBy, decided_at: at, decision_millis: between(request.requested_at, at) })
          }
          case 'AccountOrphaned':
            return spells.insert({ account_id: accountId, orphaned_at_position: event.metadata.globalPosition.toString(), previous_owner_id: event.data.previousOwnerId, reason: event.data.reason, orphaned_at: at, ended_at: null, orphaned_millis: null })
          case 'OwnershipAssigned': {
            const spell = spells.openOf(accountId)[0]
            if (spell === undefined) return
            return spells.update(spell, { ended_at: at, orphaned_millis: between(spell.orphaned_at, at) })
          }
        }
      },
      async save() {
        await requests.save(tx)
        await spells.save(tx)
      },
    }
  },
})
