/**
 * Inclusion and consistency proofs of RFC 9162 §2.1.3–2.1.4. An inclusion proof shows that one
 * event is the leaf at its index in a tree of a given size and root; a consistency proof shows
 * that a tree of size m is a prefix of a tree of size n — that nothing the older head covered was
 * changed, removed or reordered since. Both are O(log n) hashes, and both are checked with
 * nothing but the two roots: an auditor who kept a tree head outside the system needs neither the
 * log nor trust in whoever serves the proof.
 *
 * @module
 */
import { emptyRoot, nodeHash, splitPoint, type Digest } from './merkle-hash.js'

/**
 * The root of the leaves `[start, end)` of the log, from wherever the hashes are kept.
 * @category tamper evidence
 * @since 0.2.0
 */
export type SubtreeRoot = (start: number, end: number) => Digest

/**
 * The audit path of leaf `index` in the tree of the first `size` leaves (RFC 9162 PATH).
 * @category tamper evidence
 * @since 0.2.0
 */
export const inclusionPath = (subtree: SubtreeRoot, index: number, size: number): ReadonlyArray<Digest> => {
  const path: Digest[] = []
  // Iterative form of PATH(m, D[start:end]): descend towards the leaf, collecting the other halves.
  const descend = (m: number, start: number, end: number): void => {
    if (end - start <= 1) return
    const k = splitPoint(end - start)
    if (m < k) {
      descend(m, start, start + k)
      path.push(subtree(start + k, end))
    } else {
      descend(m - k, start + k, end)
      path.push(subtree(start, start + k))
    }
  }
  descend(index, 0, size)
  return path
}

/**
 * The consistency proof between the trees of the first `older` and `newer` leaves (RFC 9162 PROOF).
 * @category tamper evidence
 * @since 0.2.0
 */
export const consistencyPath = (subtree: SubtreeRoot, older: number, newer: number): ReadonlyArray<Digest> => {
  const proof: Digest[] = []
  const sub = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start
    if (m === n) {
      if (!whole) proof.push(subtree(start, end))
      return
    }
    const k = splitPoint(n)
    if (m <= k) {
      sub(m, start, start + k, whole)
      proof.push(subtree(start + k, end))
    } else {
      sub(m - k, start + k, end, false)
      proof.push(subtree(start, start + k))
    }
  }
  if (older > 0 && older < newer) sub(older, 0, newer, true)
  return proof
}

const odd = (n: number) => n % 2 === 1
const half = (n: number) => Math.floor(n / 2)

/**
 * Whether `path` proves the leaf hash at `index` in the tree of `size` leaves with `root`
 * (RFC 9162 §2.1.3.2).
 * @category tamper evidence
 * @since 0.2.0
 */
export const verifyInclusion = (leaf: Digest, index: number, size: number, path: ReadonlyArray<Digest>, root: Digest): boolean => {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of path) {
    if (sn === 0) return false
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r)
      while (!odd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return sn === 0 && r.equals(root)
}

const powerOfTwo = (n: number): boolean => {
  let k = 1
  while (k < n) k *= 2
  return k === n
}

/**
 * Whether `proof` shows the tree of `older` leaves with `olderRoot` to be a prefix of the tree of
 * `newer` leaves with `newerRoot` (RFC 9162 §2.1.4.2).
 * @category tamper evidence
 * @since 0.2.0
 */
export const verifyConsistency = (older: number, newer: number, olderRoot: Digest, newerRoot: Digest, proof: ReadonlyArray<Digest>): boolean => {
  if (!(Number.isSafeInteger(older) && Number.isSafeInteger(newer) && older >= 0 && older <= newer)) return false
  // The empty tree has one root (RFC 9162 §2.1.1): a head of size 0 that names another commits to nothing.
  if (older === 0) return proof.length === 0 && olderRoot.equals(emptyRoot) && (newer > 0 || newerRoot.equals(emptyRoot))
  if (older === newer) return proof.length === 0 && olderRoot.equals(newerRoot)
  const path = powerOfTwo(older) ? [olderRoot, ...proof] : [...proof]
  if (path.length === 0) return false
  let fn = older - 1
  let sn = newer - 1
  while (odd(fn)) {
    fn = half(fn)
    sn = half(sn)
  }
  let fr = path[0]!
  let sr = path[0]!
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      while (!odd(fn) && fn !== 0) {
        fn = half(fn)
        sn = half(sn)
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = half(fn)
    sn = half(sn)
  }
  return fr.equals(olderRoot) && sr.equals(newerRoot) && sn === 0
}
