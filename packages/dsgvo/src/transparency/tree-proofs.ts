/**
 * Proofs from the stored tree (Nachweise): that one event is in the log a head covers
 * (inclusion), and that a head an auditor kept is a prefix of a newer one (consistency). Each
 * proof is a handful of hashes, read in one query from the stored nodes, and checked by anyone
 * with the heads alone — `checkInclusion` and `checkConsistency` need no database.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { leafHash, nodeHash, type Digest } from './merkle-hash.js'
import { consistencyPath, inclusionPath, verifyConsistency, verifyInclusion, type SubtreeRoot } from './merkle-proofs.js'
import type { MerkleTables } from './merkle.table.js'
import type { TreeError } from './merkle-tree.js'
import type { TreeHead } from './tree-head.js'
import { InvalidTreeInputError, treeUnavailable } from './tree-errors.js'
import { nodeHashes } from './tree-rows.js'

/**
 * That the event at `position` is leaf `leafIndex` of the tree of `treeSize` events.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface InclusionProof {
  readonly position: string
  readonly leafIndex: number
  readonly treeSize: number
  /** The audit path, hex. */
  readonly path: ReadonlyArray<string>
}

/**
 * That the tree of `olderSize` events is a prefix of the tree of `newerSize` events.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface ConsistencyProof {
  readonly olderSize: number
  readonly newerSize: number
  readonly path: ReadonlyArray<string>
}

// The complete, aligned subtrees a range of leaves splits into, as RFC 9162 splits it.
const placesOf = (start: number, end: number, into: Array<{ height: number; index: number }>): void => {
  const width = end - start
  let power = 1
  while (power < width) power *= 2
  if (power === width && start % width === 0) {
    into.push({ height: Math.log2(width), index: start / width })
    return
  }
  let k = 1
  while (k * 2 < width) k *= 2
  placesOf(start, start + k, into)
  placesOf(start + k, end, into)
}

/*
 * A proof is computed twice: once to learn which stored nodes it needs (read in one query), once
 * with their hashes. A range that is not one complete subtree is folded from the ones it splits into.
 */
const withStoredNodes = async <A>(db: Kysely<MerkleTables>, prove: (subtree: SubtreeRoot) => A): Promise<A> => {
  const places: Array<{ height: number; index: number }> = []
  prove((start, end) => {
    placesOf(start, end, places)
    return Buffer.alloc(32)
  })
  const hashes = await nodeHashes(db, places)
  const subtree = (start: number, end: number): Digest => {
    const parts: Array<{ height: number; index: number }> = []
    placesOf(start, end, parts)
    const found = parts.map((p) => hashes.get(`${p.height}:${p.index}`))
    if (!found.every((h): h is Digest => h !== undefined)) throw new InvalidTreeInputError('treeSize', 'the tree does not hold these events yet: sync it first')
    return found.slice(0, -1).reduceRight((right, left) => nodeHash(left, right), found[found.length - 1]!)
  }
  return prove(subtree)
}

const hex = (path: ReadonlyArray<Digest>) => path.map((d) => d.toString('hex'))

// The size of a head handed in: a whole number ≥ 0, as `TreeHead` decodes it (a JavaScript caller
// may hand in anything; a fraction sent the proof's recursion into a stack overflow).
const sizeOf = (head: unknown, field: string): E.Either<InvalidTreeInputError, number> => {
  const size = typeof head === 'object' && head !== null ? (head as { treeSize?: unknown }).treeSize : undefined
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? E.right(size) : E.left(new InvalidTreeInputError(field, 'expected a tree head whose treeSize is a whole number ≥ 0'))
}

/**
 * The inclusion proof of the event at a global position in the tree a head covers.
 * @category tamper evidence
 * @since 0.2.0
 * @example
 * const proof = await proveInclusion(db, 1234n, keptHead)
 * if (E.isRight(proof)) checkInclusion(proof.right, chainHashOfEvent1234, keptHead) // true
 */
export const proveInclusion = async (db: Kysely<MerkleTables>, position: bigint, head: TreeHead): Promise<E.Either<TreeError, InclusionProof>> => {
  if (typeof position !== 'bigint' || position < 1n) return E.left(new InvalidTreeInputError('position', 'expected a global position (bigint ≥ 1n)'))
  const size = sizeOf(head, 'head.treeSize')
  if (E.isLeft(size)) return size
  try {
    // Only leaves carry a position; asking for the height too lets SQLite pick the wrong index.
    const leaf = await db.selectFrom('merkle_nodes').select('node_index').where('position', '=', String(position)).executeTakeFirst()
    if (leaf === undefined) return E.left(new InvalidTreeInputError('position', 'no event of the tree is at this position'))
    const leafIndex = Number(leaf.node_index)
    if (leafIndex >= size.right) return E.left(new InvalidTreeInputError('position', `the event came after the head's ${size.right} events`))
    const path = await withStoredNodes(db, (subtree) => inclusionPath(subtree, leafIndex, size.right))
    return E.right({ position: String(position), leafIndex, treeSize: size.right, path: hex(path) })
  } catch (e) {
    return E.left(e instanceof InvalidTreeInputError ? e : treeUnavailable(e))
  }
}

/**
 * The consistency proof from an older head to a newer one.
 * @category tamper evidence
 * @since 0.2.0
 */
export const proveConsistency = async (db: Kysely<MerkleTables>, older: TreeHead, newer: TreeHead): Promise<E.Either<TreeError, ConsistencyProof>> => {
  const olderSize = sizeOf(older, 'older.treeSize')
  if (E.isLeft(olderSize)) return olderSize
  const newerSize = sizeOf(newer, 'newer.treeSize')
  if (E.isLeft(newerSize)) return newerSize
  if (olderSize.right > newerSize.right) return E.left(new InvalidTreeInputError('older.treeSize', 'the older head covers more events than the newer one'))
  try {
    const path = await withStoredNodes(db, (subtree) => consistencyPath(subtree, olderSize.right, newerSize.right))
    return E.right({ olderSize: olderSize.right, newerSize: newerSize.right, path: hex(path) })
  } catch (e) {
    return E.left(e instanceof InvalidTreeInputError ? e : treeUnavailable(e))
  }
}

// A SHA-256 digest as the log and the proofs spell it: 64 lower-case hex digits. `Buffer.from(…, 'hex')`
// stops at the first character that is not hex, so a hash with anything appended read as the hash.
const isDigest = (u: unknown): u is string => typeof u === 'string' && /^[0-9a-f]{64}$/.test(u)
const digests = (path: ReadonlyArray<string>) => path.map((h) => Buffer.from(h, 'hex'))
const isPath = (u: unknown): u is ReadonlyArray<string> => Array.isArray(u) && u.every(isDigest)

/**
 * Whether a proof shows the event with this chain hash in the tree of the head. Pure: no database.
 * A chain hash, path entry or root that is not 64 lower-case hex digits proves nothing.
 * @category tamper evidence
 * @since 0.2.0
 */
export const checkInclusion = (proof: InclusionProof, chainHash: string, head: TreeHead): boolean =>
  isDigest(chainHash) &&
  isPath(proof.path) &&
  isDigest(head.rootHash) &&
  proof.treeSize === head.treeSize &&
  verifyInclusion(leafHash(chainHash), proof.leafIndex, head.treeSize, digests(proof.path), Buffer.from(head.rootHash, 'hex'))

/**
 * Whether a proof shows the older head's tree to be a prefix of the newer's. Pure: no database.
 * A path entry or root that is not 64 lower-case hex digits proves nothing.
 * @category tamper evidence
 * @since 0.2.0
 */
export const checkConsistency = (proof: ConsistencyProof, older: TreeHead, newer: TreeHead): boolean =>
  isPath(proof.path) &&
  isDigest(older.rootHash) &&
  isDigest(newer.rootHash) &&
  proof.olderSize === older.treeSize &&
  proof.newerSize === newer.treeSize &&
  verifyConsistency(older.treeSize, newer.treeSize, Buffer.from(older.rootHash, 'hex'), Buffer.from(newer.rootHash, 'hex'), digests(proof.path))
