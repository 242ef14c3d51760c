/**
 * The ownership history table (Verantwortungshistorie): one row per period in which one
 * principal owned an account, from the event that began it to the one that ended it. Periods
 * are half-open in business time, `[valid_from, valid_to)`.
 *
 * @module
 */
import type { Kysely } from 'kysely'
import type { PositionColumn } from '../runtime/checkpoint.table.js'

/**
 * One ownership period.
 * @category tables
 * @since 0.1.0
 */
export interface OwnershipPeriodTable {
  readonly account_id: string
  /** Global position of the event that began the period; orders an account's periods. */
  readonly began_at_position: PositionColumn
  readonly owner_id: string
  readonly valid_from: string
  /** `null` while the period lasts. */
  readonly valid_to: string | null
  readonly began_with: 'assigned' | 'transferred'
  /** The transfer's reason code; `null` for an assignment. */
  readonly reason_code: string | null
  readonly transfer_id: string | null
  /** Who recorded the assignment or transfer. */
  readonly actor_id: string
  readonly ended_with: 'transferred' | 'orphaned' | null
}

/**
 * Create the ownership history table and its index.
 * @category tables
 * @since 0.1.0
 */
export const createOwnershipHistoryTable = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('ownership_periods')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('began_at_position', 'bigint', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('began_with', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text')
    .addColumn('transfer_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('ended_with', 'text')
    .addPrimaryKeyConstraint('ownership_periods_pk', ['account_id', 'began_at_position'])
    .execute()
  await db.schema.createIndex('ownership_periods_by_time').ifNotExists().on('ownership_periods').columns(['account_id', 'valid_from']).execute()
}
