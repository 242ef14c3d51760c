/**
 * Global positions (Position im Gesamtprotokoll) on EventStoreDB. The server places each event at a
 * byte offset of its transaction log: increasing, but not 1, 2, 3 — between two of this library's
 * events lie their own bytes and other streams' events. An event written by a gRPC append (no
 * explicit transaction) has one offset as both its commit and its prepare position.
 *
 * The store reports `2 × offset` as the event's global position. Doubling leaves room for the
 * position just after each event: a projection that checkpointed an event at `p` reads on from
 * `p + 1n`, and `(p + 1n) / 2n` is again that event's own offset — a place the server can start a
 * read from — where `offset + 1` would be the middle of a record. Positions stay below 2^63, so
 * checkpoints fit a signed 64-bit column.
 *
 * @module
 */
import type { LogPosition } from './eventstoredb-driver.js'

/**
 * The largest offset whose global position still fits a signed 64-bit integer.
 * @category positions
 * @since 0.2.0
 */
export const maxOffset = (1n << 62n) - 1n

/**
 * The global position of an event at `position` in the server's log, or why it has none: no
 * position (a server before 22.6 does not report it on stream reads), one from an explicit
 * transaction (commit and prepare differ), or one beyond `maxOffset`.
 * @category positions
 * @since 0.2.0
 */
export const globalPositionOf = (position: LogPosition | undefined): bigint | string => {
  if (position === undefined) return 'the server reported no log position (EventStoreDB 22.6 or newer reports it on every read)'
  if (position.commit !== position.prepare) return `commit position ${position.commit} differs from prepare position ${position.prepare} (an explicit transaction)`
  if (position.commit < 0n || position.commit > maxOffset) return `log position ${position.commit} is out of range (the server reports none)`
  return position.commit * 2n
}

/**
 * Where the server starts a forward read that must return every event at or after the global
 * position `from`: the offset of the event `from` names, or the start of the log.
 * @category positions
 * @since 0.2.0
 */
export const readStartOf = (from: bigint): LogPosition | 'start' => {
  const offset = from / 2n
  return offset <= 0n ? 'start' : { commit: offset, prepare: offset }
}
