/**
 * The current owner table — book of business (Kundenstamm je Verantwortlichem): one row per
 * account with its owner now, whether it is orphaned, and whether it is archived.
 *
 * @module
 */
import type { Kysely } from 'kysely'
import type { PositionColumn } from '../runtime/checkpoint.table.js'

/**
 * One account as it stands after the last event applied.
 * @category tables
 * @since 0.1.0
 */
export interface CurrentOwnerTable {
  readonly account_id: string
  readonly tenant_id: string
  /** The account's name; `[erased]` once a sole trader's account is erased as a subject. */
  readonly display_name: string
  /** 1 where the account is a sole trader (a natural person, whose name is personal data), else 0. @since 0.3.0 */
  readonly sole_trader: number
  readonly tier: 'key' | 'high-value' | 'standard'
  readonly opened_at: string
  readonly ownership: 'unassigned' | 'owned' | 'orphaned'
  /** Set while `ownership` is `owned`. */
  readonly owner_id: string | null
  /** Since when the current owner (or the orphaned state) holds. */
  readonly ownership_since: string | null
  /** Set while `ownership` is `orphaned`. */
  readonly previous_owner_id: string | null
  readonly lifecycle: 'open' | 'archived'
  readonly archived_at: string | null
  readonly archive_reason: string | null
  /** Global position of the last event that changed this row. */
  readonly position: PositionColumn
}

/**
 * Create the current owner table and its indexes.
 * @category tables
 * @since 0.1.0
 */
export const createCurrentOwnerTable = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('current_owners')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('sole_trader', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('ownership', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('ownership_since', 'text')
    .addColumn('previous_owner_id', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('archive_reason', 'text')
    .addColumn('position', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('current_owners_by_owner').ifNotExists().on('current_owners').columns(['owner_id', 'account_id']).execute()
  await db.schema.createIndex('current_owners_by_ownership').ifNotExists().on('current_owners').columns(['ownership', 'lifecycle']).execute()
}
