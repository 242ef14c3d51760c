/**
 * Verifying the log against tree heads (Prüfung gegen Baumköpfe): one streaming pass over the
 * log as stored recomputes the Merkle root at the size of every head — the heads an auditor kept
 * outside the system, and the signed heads stored beside the log — and compares each leaf with
 * the leaf the stored tree recorded, so that a difference is named by the position of the first
 * event that differs. It finds what the per-stream chain cannot: two events of different streams
 * swapped, the newest event deleted, a stream rewritten with freshly computed hashes. Memory
 * stays O(log n) however long the log.
 *
 * @module
 */
import { CorruptEventError, type EventStore } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import type { KeyObject } from 'node:crypto'
import { emptyRoot, leafHash, MerkleRoot } from './merkle-hash.js'
import type { MerkleTables } from './merkle.table.js'
import type { TreeError } from './merkle-tree.js'
import { checkTreeHead, treeHeadPublicKey, type InvalidTreeHeadError, type TreeHead } from './tree-head.js'
import { TreeMismatchError, treeUnavailable } from './tree-errors.js'
import { storedTreeHeads } from './tree-rows.js'

/**
 * What to verify the log against.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface VerifyTreeOptions {
  readonly store: EventStore
  /** Heads kept outside the system, each checked with `checkTreeHead` first. */
  readonly keptHeads?: ReadonlyArray<TreeHead>
  /** The stored tree: its heads are checked too, and its leaves name the first event that differs. */
  readonly tree?: { readonly db: Kysely<MerkleTables>; readonly publicKey: KeyObject | string }
}

/**
 * A log that holds against every head.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface VerifiedTree {
  readonly events: number
  readonly rootHash: string
  readonly headsChecked: number
}

type Head = TreeHead & { readonly kind: 'kept' | 'stored' }

// The position of the event the stored tree recorded as leaf `index`: the first one missing from a shortened log.
const leafPosition = async (db: Kysely<MerkleTables>, index: number): Promise<bigint | undefined> => {
  const leaf = await db.selectFrom('merkle_nodes').select('position').where('height', '=', 0).where('node_index', '=', index).executeTakeFirst()
  return leaf?.position === undefined || leaf.position === null ? undefined : BigInt(leaf.position)
}

/**
 * Verify the log against kept and stored tree heads.
 * @category tamper evidence
 * @since 0.2.0
 * @example
 * const kept = checkTreeHead(JSON.parse(readFileSync('head.json', 'utf8')), publicKeyPem)
 * if (E.isRight(kept)) {
 *   const verified = await verifyTree({ store, keptHeads: [kept.right], tree: { db, publicKey: publicKeyPem } })
 *   if (E.isLeft(verified)) console.error(verified.left.message)
 * }
 */
export const verifyTree = async (options: VerifyTreeOptions): Promise<E.Either<TreeMismatchError | InvalidTreeHeadError | TreeError, VerifiedTree>> => {
  try {
    const heads: Head[] = (options.keptHeads ?? []).map((h) => ({ ...h, kind: 'kept' as const }))
    const db = options.tree?.db
    if (options.tree !== undefined) {
      // The key is checked even where no head is stored yet: a wrong one must not pass unnoticed.
      const publicKey = treeHeadPublicKey(options.tree.publicKey)
      if (E.isLeft(publicKey)) return publicKey
      for (const stored of await storedTreeHeads(options.tree.db)) {
        const signed = checkTreeHead(stored, publicKey.right)
        if (E.isLeft(signed)) return signed
        heads.push({ ...stored, kind: 'stored' })
      }
    }
    heads.sort((a, b) => a.treeSize - b.treeSize)
    const tree = new MerkleRoot()
    let next = 0
    let lastPosition = 0n
    let firstDifference: bigint | undefined
    let recorded: Map<number, { hash: string; position: string | null }> = new Map()
    const mismatch = (head: Head, detail: string) =>
      E.left(new TreeMismatchError({ treeSize: head.treeSize, head: head.kind, position: firstDifference }, 'root-mismatch', detail))
    // A head of the empty tree holds only with the empty tree's root, and no last event.
    while (next < heads.length && heads[next]!.treeSize === 0) {
      const head = heads[next]!
      if (head.rootHash !== emptyRoot.toString('hex')) return mismatch(head, 'the root of the empty tree differs')
      if (head.lastPosition !== '0') return E.left(new TreeMismatchError({ treeSize: 0, head: head.kind, position: undefined }, 'position-moved', `the head of the empty tree names a last event at position ${head.lastPosition}`))
      next++
    }
    for await (const row of options.store.readStoredAll()) {
      if (row.hash === undefined) return E.left(new CorruptEventError(row, 'the event carries no chain hash'))
      const index = tree.size
      const leaf = leafHash(row.hash)
      if (db !== undefined && index % 1000 === 0) {
        const page = await db.selectFrom('merkle_nodes').select(['node_index', 'hash', 'position']).where('height', '=', 0).where('node_index', '>=', index).where('node_index', '<', index + 1000).execute()
        recorded = new Map(page.map((r) => [Number(r.node_index), { hash: r.hash, position: r.position }]))
      }
      const stored = recorded.get(index)
      if (firstDifference === undefined && stored !== undefined && (stored.hash !== leaf.toString('hex') || stored.position !== String(row.globalPosition))) {
        firstDifference = row.globalPosition
      }
      tree.push(leaf)
      lastPosition = row.globalPosition
      while (next < heads.length && heads[next]!.treeSize === tree.size) {
        const head = heads[next]!
        if (head.rootHash !== tree.root().toString('hex')) return mismatch(head, `the root over the first ${head.treeSize} events is not the head's`)
        if (head.lastPosition !== String(lastPosition)) {
          return E.left(new TreeMismatchError({ treeSize: head.treeSize, head: head.kind, position: lastPosition }, 'position-moved', `the head's last event was at position ${head.lastPosition}`))
        }
        next++
      }
    }
    if (next < heads.length) {
      const head = heads[next]!
      return E.left(new TreeMismatchError({ treeSize: head.treeSize, head: head.kind, position: db === undefined ? undefined : await leafPosition(db, tree.size) }, 'log-shorter', `the log holds ${tree.size} events after position ${lastPosition}; the head covered ${head.treeSize}`))
    }
    // The stored tree's size is its last leaf's index + 1, as the sync reads it: a count of the leaves
    // would let one leaf row removed from the middle hide the log's newest event removed.
    const lastLeaf = db === undefined ? undefined : await db.selectFrom('merkle_nodes').select('node_index').where('height', '=', 0).orderBy('node_index', 'desc').limit(1).executeTakeFirst()
    const recordedSize = lastLeaf === undefined ? 0 : Number(lastLeaf.node_index) + 1
    if (recordedSize > tree.size) {
      return E.left(new TreeMismatchError({ treeSize: recordedSize, head: 'stored', position: await leafPosition(db!, tree.size) }, 'log-shorter', `the log holds ${tree.size} events; the stored tree recorded ${recordedSize}`))
    }
    if (firstDifference !== undefined) {
      return E.left(new TreeMismatchError({ treeSize: tree.size, head: 'stored', position: firstDifference }, 'root-mismatch', 'the event differs from the leaf the stored tree recorded for it'))
    }
    return E.right({ events: tree.size, rootHash: tree.root().toString('hex'), headsChecked: heads.length })
  } catch (e) {
    return E.left(treeUnavailable(e))
  }
}
