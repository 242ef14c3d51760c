/**
 * The checkpoint table (Verarbeitungsstand): for each projection, its version and the global
 * position of the last event it has applied. It moves in the same transaction as the rows.
 *
 * @module
 */
import type { ColumnType, Kysely } from 'kysely'

/**
 * A global position as the drivers give it back: a string (pg `int8`) or a number (SQLite);
 * always written as a decimal string so that no position beyond 2^53 loses precision.
 * @category tables
 * @since 0.1.0
 */
export type PositionColumn = ColumnType<string | number | bigint, string, string>

/**
 * One row per projection.
 * @category tables
 * @since 0.1.0
 */
export interface CheckpointTable {
  readonly name: string
  readonly version: number
  readonly position: PositionColumn
}

/**
 * The tables of the runtime.
 * @category tables
 * @since 0.1.0
 */
export interface CheckpointTables {
  readonly projection_checkpoints: CheckpointTable
}

/**
 * Create the checkpoint table if it does not exist.
 * @category runtime
 * @since 0.1.0
 */
export const createCheckpointTable = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('projection_checkpoints')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .execute()
}

/**
 * A position read back from a driver.
 * @category runtime
 * @since 0.1.0
 */
export const positionOf = (value: string | number | bigint): bigint => BigInt(value)
