/**
 * The last version and hash of recently written or read streams (Stream-Spitze), so that an
 * append to a stream this store has just seen can skip the round trip that reads its tip: the
 * append then asserts the tip in the server, under the stream's lock, and writes nothing where it
 * moved meanwhile (another process appended) — the append then runs again the long way. A tip
 * here is a guess, never trusted: a stale one costs a round trip, not a wrong chain.
 *
 * @module
 */
import { leastRecentlyUsed } from '@account-ownership/core'

/**
 * A stream's last version and the hash of its last event.
 * @category store
 * @since 0.3.0
 */
export interface StreamTip {
  readonly version: bigint
  readonly hash: string
}

/**
 * The tips of at most `capacity` streams, the least recently used dropped first.
 * @category store
 * @since 0.3.0
 */
export interface StreamTips {
  readonly get: (streamId: string) => StreamTip | undefined
  readonly set: (streamId: string, tip: StreamTip) => void
  readonly forget: (streamId: string) => void
}

/**
 * An empty tip cache of `capacity` streams.
 * @category store
 * @since 0.3.0
 */
export const streamTips = (capacity = 10_000): StreamTips => {
  const tips = leastRecentlyUsed<string, StreamTip>(capacity)
  return { get: tips.get, set: tips.set, forget: tips.delete }
}
