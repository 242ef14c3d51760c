/**
 * Reading the tree's tables back: node hashes by place, the tree as stored, tree heads as rows.
 *
 * @module
 */
import type { Kysely } from 'kysely'
import { MerkleRoot, rightEdgeOf, type Digest } from './merkle-hash.js'
import type { MerkleTables, TreeHeadTable } from './merkle.table.js'
import type { TreeHead } from './tree-head.js'

/**
 * The hashes of the nodes at these places, keyed `height:index`, in one query.
 * @category tamper evidence
 * @since 0.2.0
 */
export const nodeHashes = async (db: Kysely<MerkleTables>, places: ReadonlyArray<{ readonly height: number; readonly index: number }>): Promise<Map<string, Digest>> => {
  const found = new Map<string, Digest>()
  if (places.length === 0) return found
  const rows = await db
    .selectFrom('merkle_nodes')
    .select(['height', 'node_index', 'hash'])
    .where((eb) => eb.or(places.map((p) => eb.and([eb('height', '=', p.height), eb('node_index', '=', p.index)]))))
    .execute()
  for (const row of rows) found.set(`${row.height}:${Number(row.node_index)}`, Buffer.from(row.hash, 'hex'))
  return found
}

/**
 * The tree as stored — its right edge — and the position of its last leaf.
 * @category tamper evidence
 * @since 0.2.0
 */
export const storedTree = async (db: Kysely<MerkleTables>): Promise<{ readonly tree: MerkleRoot; readonly lastPosition: bigint }> => {
  const last = await db.selectFrom('merkle_nodes').select(['node_index', 'position']).where('height', '=', 0).orderBy('node_index', 'desc').limit(1).executeTakeFirst()
  const size = last === undefined ? 0 : Number(last.node_index) + 1
  const edge = rightEdgeOf(size)
  const hashes = await nodeHashes(db, edge)
  const tree = new MerkleRoot(size, edge.map((p) => ({ ...p, hash: hashes.get(`${p.height}:${p.index}`)! })))
  return { tree, lastPosition: BigInt(last?.position ?? '0') }
}

/**
 * A stored head as the head it is.
 * @category tamper evidence
 * @since 0.2.0
 */
export const headOfRow = (row: TreeHeadTable): TreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash,
  lastPosition: row.last_position,
  takenAt: row.taken_at as TreeHead['takenAt'],
  keyId: row.key_id,
  signature: row.signature,
})

/**
 * A head as a row of `tree_heads`.
 * @category tamper evidence
 * @since 0.2.0
 */
export const rowOfHead = (head: TreeHead): TreeHeadTable => ({
  tree_size: head.treeSize,
  root_hash: head.rootHash,
  last_position: head.lastPosition,
  taken_at: head.takenAt,
  key_id: head.keyId,
  signature: head.signature,
})

/**
 * Every stored head, smallest tree first.
 * @category tamper evidence
 * @since 0.2.0
 */
export const storedTreeHeads = async (db: Kysely<MerkleTables>): Promise<ReadonlyArray<TreeHead>> =>
  (await db.selectFrom('tree_heads').selectAll().orderBy('tree_size').execute()).map(headOfRow)
