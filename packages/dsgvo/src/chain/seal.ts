/**
 * Seals (Siegel) over the log: at a global position, one SHA-256 over the head (last version and
 * hash) of every stream, in order of stream id. Kept outside the database — printed into the
 * audit file, sent to the DPO, timestamped — a seal lets `verifyChain` catch what the per-stream
 * chain cannot: the newest events of a stream removed, a whole stream removed, or a stream's chain
 * rewritten from some point on.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import type { StreamHead } from './verify-chain.js'

/**
 * A seal of the log up to and including `position`.
 * @category tamper evidence
 * @since 0.1.0
 */
export interface Seal {
  readonly position: bigint
  readonly streams: number
  /** SHA-256 (hex) over the position and every stream head. */
  readonly digest: string
}

/**
 * The seal of the stream heads at `position`.
 * @category tamper evidence
 * @since 0.1.0
 * @example
 * const verified = await verifyChain(store.readStoredAll())
 * if (E.isRight(verified)) keepOutside(sealOf(verified.right.heads, verified.right.lastPosition))
 */
export const sealOf = (heads: ReadonlyMap<string, StreamHead>, position: bigint): Seal => {
  const hash = createHash('sha256').update(`seal:${position}\n`, 'utf8')
  const ids = [...heads.keys()].sort()
  for (const id of ids) {
    const head = heads.get(id)!
    hash.update(`${id}\n${head.version}\n${head.hash}\n`, 'utf8')
  }
  return { position, streams: ids.length, digest: hash.digest('hex') }
}
