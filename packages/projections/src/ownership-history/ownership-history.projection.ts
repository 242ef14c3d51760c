/**
 * The ownership history projection: an assignment or transfer closes the open period and
 * begins the next; an orphaning closes it. Business time comes from `occurredAt`.
 *
 * @module
 */
import type { Transaction } from 'kysely'
import type { ReadModels } from '../database.js'
import { defineProjection, type RecordedOf } from '../runtime/projection.js'
import { createOwnershipHistoryTable } from './ownership-history.table.js'

// Typed on all read models, so that a list of projections shares one database type.
type Tables = ReadModels
type Handled = 'OwnershipAssigned' | 'OwnershipTransferred' | 'AccountOrphaned'

const closeOpenPeriod = (tx: Transaction<Tables>, event: RecordedOf<Handled>, endedWith: 'transferred' | 'orphaned') =>
  tx
    .updateTable('ownership_periods')
    .set({ valid_to: event.metadata.occurredAt, ended_with: endedWith })
    .where('account_id', '=', event.data.accountId)
    .where('valid_to', 'is', null)
    .execute()

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
  async apply(event, tx) {
    if (event.type === 'AccountOrphaned') return void (await closeOpenPeriod(tx, event, 'orphaned'))
    // An assignment follows an orphaning, so it normally finds no open period; closing anyway
    // keeps "at most one open period" true even for a log written by another tool.
    await closeOpenPeriod(tx, event, 'transferred')
    const transferred = event.type === 'OwnershipTransferred'
    await tx
      .insertInto('ownership_periods')
      .values({
        account_id: event.data.accountId,
        began_at_position: event.metadata.globalPosition.toString(),
        owner_id: transferred ? event.data.toOwnerId : event.data.ownerId,
        valid_from: event.metadata.occurredAt,
        valid_to: null,
        began_with: transferred ? 'transferred' : 'assigned',
        reason_code: transferred ? event.data.reasonCode : null,
        transfer_id: transferred ? (event.data.transferId ?? null) : null,
        actor_id: event.metadata.actor.principalId,
        ended_with: null,
      })
      .execute()
  },
})
