/**
 * The KPI projection: records when each transfer request was decided and how long each
 * orphaned spell lasted. Durations are differences of business times taken from the events.
 *
 * @module
 */
import { millisOf, type Instant } from '@account-ownership/core'
import type { ReadModels } from '../database.js'
import { defineProjection } from '../runtime/projection.js'
import { createKpiTables } from './kpi.table.js'

// Typed on all read models, so that a list of projections shares one database type.
type Tables = ReadModels
type Handled = 'OwnershipTransferRequested' | 'OwnershipTransferApproved' | 'OwnershipTransferRejected' | 'AccountOrphaned' | 'OwnershipAssigned'

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
  async apply(event, tx) {
    const at = event.metadata.occurredAt
    const accountId = event.data.accountId
    switch (event.type) {
      case 'OwnershipTransferRequested': {
        const { transferId, reasonCode, requestedBy } = event.data
        await tx
          .insertInto('transfer_requests')
          .values({ account_id: accountId, requested_at_position: event.metadata.globalPosition.toString(), transfer_id: transferId, reason_code: reasonCode, requested_by: requestedBy, requested_at: at, decision: null, decided_by: null, decided_at: null, decision_millis: null })
          .execute()
        return
      }
      case 'OwnershipTransferApproved':
      case 'OwnershipTransferRejected': {
        const request = await tx
          .selectFrom('transfer_requests')
          .select(['requested_at_position', 'requested_at'])
          .where('account_id', '=', accountId)
          .where('transfer_id', '=', event.data.transferId)
          .where('decision', 'is', null)
          .executeTakeFirst()
        if (request === undefined) return
        const approved = event.type === 'OwnershipTransferApproved'
        await tx
          .updateTable('transfer_requests')
          .set({ decision: approved ? 'approved' : 'rejected', decided_by: approved ? event.data.approvedBy : event.data.rejectedBy, decided_at: at, decision_millis: between(request.requested_at, at) })
          .where('account_id', '=', accountId)
          .where('requested_at_position', '=', String(request.requested_at_position))
          .execute()
        return
      }
      case 'AccountOrphaned':
        await tx
          .insertInto('orphan_spells')
          .values({ account_id: accountId, orphaned_at_position: event.metadata.globalPosition.toString(), previous_owner_id: event.data.previousOwnerId, reason: event.data.reason, orphaned_at: at, ended_at: null, orphaned_millis: null })
          .execute()
        return
      case 'OwnershipAssigned': {
        const spell = await tx.selectFrom('orphan_spells').select(['orphaned_at_position', 'orphaned_at']).where('account_id', '=', accountId).where('ended_at', 'is', null).executeTakeFirst()
        if (spell === undefined) return
        await tx
          .updateTable('orphan_spells')
          .set({ ended_at: at, orphaned_millis: between(spell.orphaned_at, at) })
          .where('account_id', '=', accountId)
          .where('orphaned_at_position', '=', String(spell.orphaned_at_position))
          .execute()
        return
      }
    }
  },
})
