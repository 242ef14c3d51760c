/**
 * The folded state of the streams a command handler decided on lately (Zustands-Cache), so that a
 * command on a stream it knows is decided without reading the stream again. A cached state is the
 * fold of a prefix of its stream, and a log is append-only, so it is never wrong, only possibly
 * behind: the append's expected-version check finds that out, and the handler then reads only the
 * events after the cached version.
 *
 * @module
 */
import type { Instant } from '../instant.js'
import type { StreamVersion } from '../store/expected-version.js'
import type { StreamId } from '../store/stream-id.js'
import { leastRecentlyUsed } from '../least-recently-used.js'

/**
 * How many streams a command handler keeps the folded state of.
 * @category command handler
 * @since 0.3.0
 * @example
 * accountCommandHandler({ store, policy, stateCache: { maxStreams: 10_000 } })
 * accountCommandHandler({ store, policy, stateCache: false }) // read every stream for every command
 */
export interface StateCacheOptions {
  /** The most streams kept; the one used least recently is dropped first. 1000 by default. */
  readonly maxStreams?: number
}

/**
 * A stream as folded up to `version`.
 * @category command handler
 * @since 0.3.0
 */
export interface CachedStream<S> {
  readonly state: S
  readonly version: StreamVersion
  /** Business time of the event at `version`; `null` for an empty stream. */
  readonly lastOccurredAt: Instant | null
  /**
   * Command ids recorded in the stream. Shared with the entries that follow this one and only
   * ever added to after a commit, so an id in it is recorded — maybe after `version`.
   */
  readonly commandIds: Set<string>
}

/**
 * The cache of one handler: an entry per stream, at most `maxStreams`.
 * @category command handler
 * @since 0.3.0
 */
export interface StreamStateCache<S> {
  readonly get: (streamId: StreamId) => CachedStream<S> | undefined
  /** Keep `entry` unless the entry kept is at a later version already. */
  readonly set: (streamId: StreamId, entry: CachedStream<S>) => void
}

const rank = (v: StreamVersion): bigint => (v === 'no-stream' ? -1n : v)

/**
 * An empty cache of at most `maxStreams` streams, least recently used dropped first.
 * @category command handler
 * @since 0.3.0
 */
export const streamStateCache = <S>(maxStreams: number): StreamStateCache<S> => {
  const entries = leastRecentlyUsed<StreamId, CachedStream<S>>(maxStreams)
  return {
    get: entries.get,
    set: (streamId, entry) => {
      const kept = entries.peek(streamId)
      if (kept !== undefined && rank(kept.version) > rank(entry.version)) return
      entries.set(streamId, entry)
    },
  }
}
