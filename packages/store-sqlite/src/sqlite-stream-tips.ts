/**
 * The tips of the streams this connection appended to lately (Stream-Spitze): the version and
 * chain hash of each one's last event, so that the next append to it skips reading them back.
 *
 * A tip is trusted only while the file is as this connection's last commit left it. Two numbers
 * say so, read under the write lock at the start of each write transaction and at its end:
 * `PRAGMA data_version` moves when any other connection commits, `total_changes()` when this one
 * changes a row other than through the store's appends (a caller sharing the connection, an
 * import, an append rolled back). Where either moved, every tip is forgotten and read again. (The
 * store's own writes never run inside a caller's transaction, which could roll them back after
 * their tips were kept: they are refused there.) A
 * tip an append wrote counts from its transaction's commit on; a transaction that failed takes
 * every tip with it. The `UNIQUE (stream_id, stream_version)` constraint stays the last word: a
 * stale tip could only make an append fail, never write a second event at one version.
 *
 * @module
 */
import { leastRecentlyUsed } from '@account-ownership/core'

/**
 * A stream's last version and the hash of its last event (`null` where written before the chain).
 * @category store
 * @since 0.3.0
 */
export interface SqliteStreamTip {
  readonly version: bigint
  readonly hash: string | null
}

/**
 * What the file's state was at a moment under the write lock: `[data_version, total_changes()]`.
 * @category store
 * @since 0.3.0
 */
export type WriteMark = readonly [dataVersion: number, changes: number]

/**
 * The tips one connection knows, and the write transactions that keep them true.
 * @category store
 * @since 0.3.0
 */
export interface SqliteStreamTips {
  /** A write transaction began, and the file stood at `mark`: forget every tip unless it stands where the last commit left it. */
  readonly began: (mark: WriteMark) => void
  /** The tip of `streamId` as the open transaction sees it, where known. */
  readonly get: (streamId: string) => SqliteStreamTip | undefined
  /** An append of the open transaction left `streamId` at `tip`. */
  readonly wrote: (streamId: string, tip: SqliteStreamTip) => void
  /** The open transaction committed; `mark` was read at its end. */
  readonly committed: (mark: WriteMark) => void
  /** The open transaction failed or rolled back: no tip is trusted any more. */
  readonly abandoned: () => void
}

/**
 * No tips yet, for at most `capacity` streams, the least recently used forgotten first.
 * @category store
 * @since 0.3.0
 */
export const sqliteStreamTips = (capacity = 10_000): SqliteStreamTips => {
  let known = leastRecentlyUsed<string, SqliteStreamTip>(capacity)
  const written = new Map<string, SqliteStreamTip>()
  let mark: WriteMark | undefined
  const forget = () => {
    known = leastRecentlyUsed(capacity)
    mark = undefined
  }
  return {
    began(now) {
      written.clear()
      if (mark === undefined || mark[0] !== now[0] || mark[1] !== now[1]) forget()
    },
    get: (streamId) => written.get(streamId) ?? known.get(streamId),
    wrote: (streamId, tip) => void written.set(streamId, tip),
    committed(now) {
      for (const [streamId, tip] of written) known.set(streamId, tip)
      written.clear()
      mark = now
    },
    abandoned() {
      written.clear()
      forget()
    },
  }
}
