import { consistencyPath, inclusionPath, leafHash, MerkleRoot, nodeHash, verifyConsistency, verifyInclusion, emptyRoot, type Digest } from '@account-ownership/dsgvo'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// RFC 9162 §2.1.1 written out as the RFC states it, apart from the code under test.
const mth = (leaves: ReadonlyArray<Digest>): Digest => {
  if (leaves.length === 0) return createHash('sha256').digest()
  if (leaves.length === 1) return leaves[0]!
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return createHash('sha256').update(Buffer.from([1])).update(mth(leaves.slice(0, k))).update(mth(leaves.slice(k))).digest()
}

const leavesOf = (n: number, seed: number): Digest[] => Array.from({ length: n }, (_, i) => leafHash(createHash('sha256').update(`${seed}:${i}`).digest('hex')))
const subtreeOf = (leaves: ReadonlyArray<Digest>) => (start: number, end: number) => mth(leaves.slice(start, end))
const flip = (d: Digest): Digest => {
  const copy = Buffer.from(d)
  copy[0] = copy[0]! ^ 1
  return copy
}

describe('the Merkle tree of RFC 9162', () => {
  it('computes, one leaf at a time, the root the RFC defines, at every size on the way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (n, seed) => {
        const leaves = leavesOf(n, seed)
        const tree = new MerkleRoot()
        expect(tree.root().equals(emptyRoot)).toBe(true)
        for (const [i, leaf] of leaves.entries()) {
          tree.push(leaf)
          if (i % 7 === 0 || i === n - 1) expect(tree.root().equals(mth(leaves.slice(0, i + 1)))).toBe(true)
        }
      }),
      { numRuns: 20 },
    )
  })

  it('hashes a leaf and a node with different prefixes, so a node never passes for a leaf', () => {
    const a = leavesOf(2, 1)
    expect(nodeHash(a[0]!, a[1]!).equals(createHash('sha256').update(Buffer.concat([a[0]!, a[1]!])).digest())).toBe(false)
  })

  it('proves every leaf included, and no proof holds for another leaf, index, size or root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), (n, seed, pick) => {
        const leaves = leavesOf(n, seed)
        const root = mth(leaves)
        const index = pick % n
        const path = inclusionPath(subtreeOf(leaves), index, n)
        expect(verifyInclusion(leaves[index]!, index, n, path, root)).toBe(true)
        expect(verifyInclusion(flip(leaves[index]!), index, n, path, root)).toBe(false)
        expect(verifyInclusion(leaves[index]!, index, n, path, flip(root))).toBe(false)
        if (n > 1) expect(verifyInclusion(leaves[index]!, (index + 1) % n, n, path, root)).toBe(false)
        if (path.length > 0) expect(verifyInclusion(leaves[index]!, index, n, [flip(path[0]!), ...path.slice(1)], root)).toBe(false)
        expect(verifyInclusion(leaves[index]!, index, n, [...path, root], root)).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('proves an older tree a prefix of a newer one, and refuses when any leaf of the prefix changed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), fc.nat(), (n, seed, pick, victim) => {
        const leaves = leavesOf(n, seed)
        const m = 1 + (pick % n)
        const proof = consistencyPath(subtreeOf(leaves), m, n)
        const older = mth(leaves.slice(0, m))
        expect(verifyConsistency(m, n, older, mth(leaves), proof)).toBe(true)
        // The log rewritten at one place within the older tree: the old head no longer fits.
        const changed = [...leaves]
        changed[victim % m] = flip(changed[victim % m]!)
        const rewritten = consistencyPath(subtreeOf(changed), m, n)
        expect(verifyConsistency(m, n, older, mth(changed), rewritten)).toBe(false)
        if (proof.length > 0) expect(verifyConsistency(m, n, older, mth(leaves), [flip(proof[0]!), ...proof.slice(1)])).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('treats sizes out of range as no proof', () => {
    const leaves = leavesOf(4, 9)
    expect(verifyInclusion(leaves[0]!, 4, 4, [], mth(leaves))).toBe(false)
    expect(verifyInclusion(leaves[0]!, -1, 4, [], mth(leaves))).toBe(false)
    expect(verifyConsistency(5, 4, mth(leaves), mth(leaves), [])).toBe(false)
    expect(verifyConsistency(4, 4, mth(leaves), mth(leaves), [])).toBe(true)
  })

  it('takes the empty tree only with its own root: a head of size 0 naming another is consistent with nothing', () => {
    const leaves = leavesOf(5, 3)
    const other = flip(emptyRoot)
    expect(verifyConsistency(0, 5, emptyRoot, mth(leaves), [])).toBe(true)
    expect(verifyConsistency(0, 0, emptyRoot, emptyRoot, [])).toBe(true)
    expect(verifyConsistency(0, 5, other, mth(leaves), [])).toBe(false)
    expect(verifyConsistency(0, 0, other, other, [])).toBe(false)
    expect(verifyConsistency(0, 0, emptyRoot, other, [])).toBe(false)
    expect(verifyConsistency(0, 5, emptyRoot, mth(leaves), [mth(leaves)])).toBe(false)
  })
})
