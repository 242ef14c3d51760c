/**
 * The Merkle tree hash of RFC 6962 / RFC 9162 (Certificate Transparency), over the log in global
 * order: a leaf is the chain hash of one event, a leaf hash is SHA-256(0x00 ‖ leaf) and an inner
 * node SHA-256(0x01 ‖ left ‖ right), a tree of n leaves splits at the largest power of two below
 * n. The prefixes keep a leaf from ever passing for a node. Because each leaf is an event's chain
 * hash, which covers its stored bytes, the root binds every byte of every event and their order
 * across streams — what the per-stream chain alone cannot.
 *
 * @module
 */
import { createHash } from 'node:crypto'

/**
 * A SHA-256 digest, 32 bytes.
 * @category tamper evidence
 * @since 0.2.0
 */
export type Digest = Buffer

const leafPrefix = Buffer.from([0])
const nodePrefix = Buffer.from([1])

/**
 * The leaf hash of one event, from its chain hash (hex).
 * @category tamper evidence
 * @since 0.2.0
 */
export const leafHash = (chainHashHex: string): Digest => createHash('sha256').update(leafPrefix).update(Buffer.from(chainHashHex, 'hex')).digest()

/**
 * The hash of an inner node.
 * @category tamper evidence
 * @since 0.2.0
 */
export const nodeHash = (left: Digest, right: Digest): Digest => createHash('sha256').update(nodePrefix).update(left).update(right).digest()

/**
 * The root of the empty tree: SHA-256 of nothing.
 * @category tamper evidence
 * @since 0.2.0
 */
export const emptyRoot: Digest = createHash('sha256').digest()

/**
 * The largest power of two smaller than `n` (n ≥ 2): where RFC 9162 splits a tree of n leaves.
 * @category tamper evidence
 * @since 0.2.0
 */
export const splitPoint = (n: number): number => {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/**
 * A node of the tree: the root of the `2^height` leaves from `index · 2^height` on.
 * @category tamper evidence
 * @since 0.2.0
 */
export interface MerkleNode {
  readonly height: number
  readonly index: number
  readonly hash: Digest
}

/**
 * The complete subtrees along the right edge of a tree of `size` leaves, largest first: where a
 * tree grown one leaf at a time stands. Their heights are the set bits of `size`.
 * @category tamper evidence
 * @since 0.2.0
 */
export const rightEdgeOf = (size: number): ReadonlyArray<{ readonly height: number; readonly index: number }> => {
  const edge: Array<{ height: number; index: number }> = []
  let start = 0
  for (let height = 52; height >= 0; height--) {
    const width = 2 ** height
    if (size - start >= width) {
      edge.push({ height, index: start / width })
      start += width
    }
  }
  return edge
}

/**
 * The root of a tree grown one leaf at a time, in O(log n) memory: it keeps the roots of the
 * complete subtrees along the right edge, so a log of any length streams through it, and the
 * root can be asked at every size on the way (to check each tree head as the log passes it).
 * @category tamper evidence
 * @since 0.2.0
 */
export class MerkleRoot {
  private readonly edge: MerkleNode[]
  private count: number

  /** A tree of `size` leaves whose right edge is `edge` (as `rightEdgeOf(size)` names it); empty by default. */
  constructor(size = 0, edge: ReadonlyArray<MerkleNode> = []) {
    this.count = size
    this.edge = [...edge]
  }

  /** How many leaves went in. */
  get size(): number {
    return this.count
  }

  /** Add the next leaf hash; answers the nodes it completed, the leaf first. */
  push(leaf: Digest): ReadonlyArray<MerkleNode> {
    let node: MerkleNode = { height: 0, index: this.count, hash: leaf }
    const completed = [node]
    while (this.edge.length > 0 && this.edge[this.edge.length - 1]!.height === node.height) {
      const left = this.edge.pop()!
      node = { height: node.height + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) }
      completed.push(node)
    }
    this.edge.push(node)
    this.count++
    return completed
  }

  /** The root of the leaves so far (RFC 9162 MTH). */
  root(): Digest {
    if (this.edge.length === 0) return emptyRoot
    let hash = this.edge[this.edge.length - 1]!.hash
    for (let i = this.edge.length - 2; i >= 0; i--) hash = nodeHash(this.edge[i]!.hash, hash)
    return hash
  }
}
