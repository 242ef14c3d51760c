/**
 * The tables of the Merkle tree over the log (Transparenzprotokoll): every complete node of the
 * tree, the leaves with the global position of their event, and the signed tree heads taken.
 * They are derived from the log and can be rebuilt from it at any time; what cannot be rebuilt —
 * and so must also live outside the system — are the heads an auditor keeps.
 *
 * @module
 */
import type { Kysely } from 'kysely'

/**
 * A complete node of the tree; height 0 holds the leaves, with their event's position.
 * @category tables
 * @since 0.2.0
 */
export interface MerkleNodeTable {
  readonly height: number
  readonly node_index: number | string
  /** SHA-256, lower-case hex. */
  readonly hash: string
  /** The global position of the leaf's event (height 0 only). */
  readonly position: string | null
}

/**
 * A signed tree head taken on the schedule.
 * @category tables
 * @since 0.2.0
 */
export interface TreeHeadTable {
  readonly tree_size: number | string
  readonly root_hash: string
  readonly last_position: string
  readonly taken_at: string
  readonly key_id: string
  readonly signature: string
}

/**
 * The Kysely database type of the tree's tables.
 * @category tables
 * @since 0.2.0
 */
export interface MerkleTables {
  readonly merkle_nodes: MerkleNodeTable
  readonly tree_heads: TreeHeadTable
}

/**
 * Create the tree's tables where they are missing.
 * @category tables
 * @since 0.2.0
 */
export const createMerkleTables = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('merkle_nodes')
    .ifNotExists()
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('node_index', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addPrimaryKeyConstraint('merkle_nodes_pk', ['height', 'node_index'])
    .execute()
  // Positions are kept as decimal text (exact beyond 2^53 on SQLite); found by exact match.
  await db.schema.createIndex('merkle_leaves_by_position').ifNotExists().on('merkle_nodes').columns(['position']).execute()
  await db.schema
    .createTable('tree_heads')
    .ifNotExists()
    .addColumn('tree_size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('last_position', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute()
}
