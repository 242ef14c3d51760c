/**
 * The KPI tables (Kennzahlen): each four-eyes transfer request with its decision and how long
 * it took, and each spell an account spent orphaned (verwaist).
 *
 * @module
 */
import type { Kysely } from 'kysely'
import type { PositionColumn } from '../runtime/checkpoint.table.js'

/**
 * A transfer request and its decision.
 * @category tables
 * @since 0.1.0
 */
export interface TransferRequestTable {
  readonly account_id: string
  /** Global position of the request; a transfer id may come back once its request is decided. */
  readonly requested_at_position: PositionColumn
  readonly transfer_id: string
  readonly reason_code: string
  readonly requested_by: string
  readonly requested_at: string
  readonly decision: 'approved' | 'rejected' | null
  readonly decided_by: string | null
  readonly decided_at: string | null
  /** Business time from request to decision, in milliseconds. */
  readonly decision_millis: number | null
}

/**
 * A spell without an owner, `[orphaned_at, ended_at)`.
 * @category tables
 * @since 0.1.0
 */
export interface OrphanSpellTable {
  readonly account_id: string
  readonly orphaned_at_position: PositionColumn
  readonly previous_owner_id: string
  readonly reason: string
  readonly orphaned_at: string
  readonly ended_at: string | null
  readonly orphaned_millis: number | null
}

/**
 * Create the KPI tables.
 * @category tables
 * @since 0.1.0
 */
export const createKpiTables = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('transfer_requests')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('requested_at_position', 'bigint', (c) => c.notNull())
    .addColumn('transfer_id', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_millis', 'double precision')
    .addPrimaryKeyConstraint('transfer_requests_pk', ['account_id', 'requested_at_position'])
    .execute()
  await db.schema
    .createTable('orphan_spells')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('orphaned_at_position', 'bigint', (c) => c.notNull())
    .addColumn('previous_owner_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('orphaned_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('orphaned_millis', 'double precision')
    .addPrimaryKeyConstraint('orphan_spells_pk', ['account_id', 'orphaned_at_position'])
    .execute()
}
