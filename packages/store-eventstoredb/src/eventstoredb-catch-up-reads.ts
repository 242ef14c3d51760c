/**
 * Reading the log filtered on the server (das Protokoll gefiltert lesen): `$all` through a
 * catch-up subscription that carries the store's filter (`eventstoredb-log-filter.ts`), so the
 * server sends only the events that pass it, and checkpoints in between. The read ends when the
 * server says the subscription has caught up with the end of the log, or once it is past
 * `toPosition`, and the call is then cancelled. Memory stays bounded by the call's flow control:
 * the server sends no faster than the reader takes.
 *
 * A subscription starts after a position, where a read of the log starts at it. A read from an
 * event's own position (an even global position) therefore reads that one event by itself first;
 * a read from one past it (what a checkpoint resumes from) subscribes after it directly.
 *
 * The server's filter is one expression; what it cannot say (a read by type is not kept to the
 * store's streams there) is left out here, before anything of the record is decoded.
 *
 * @module
 */
import { isStoreError, type StoredEvent } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { CatchUpMessage, EventStoreDbDriver, ServerRecord } from './eventstoredb-driver.js'
import { storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
import { logFilterOf } from './eventstoredb-log-filter.js'
import type { StreamNaming } from './eventstoredb-naming.js'
import { readStartOf } from './eventstoredb-position.js'
import { storedEventOf } from './eventstoredb-record.js'

const failed = (e: unknown) => (isStoreError(e) ? e : storeErrorOfEventStoreDb(e))

async function* messagesOf(batches: AsyncIterable<ReadonlyArray<CatchUpMessage>>): AsyncGenerator<ReadonlyArray<CatchUpMessage>> {
  const iterator = batches[Symbol.asyncIterator]()
  try {
    for (;;) {
      let next: IteratorResult<ReadonlyArray<CatchUpMessage>>
      try {
        next = await iterator.next()
      } catch (e) {
        throw failed(e)
      }
      if (next.done === true) return
      yield next.value
    }
  } finally {
    // Cancels the subscription when the reader stops early.
    await iterator.return?.()
  }
}

/**
 * The rows of the store's streams in log order, with global positions from `fromPosition` to
 * `toPosition` (inclusive), none of the event types in `skippedTypes`, filtered on the server;
 * `batchSize` is the server's search window, after which it sends a checkpoint.
 * @category reads
 * @since 0.3.0
 */
export async function* caughtUpLogRows(
  driver: EventStoreDbDriver,
  naming: StreamNaming,
  fromPosition: bigint,
  toPosition: bigint | undefined,
  batchSize: number,
  skippedTypes: ReadonlySet<string> = new Set(),
): AsyncGenerator<StoredEvent> {
  const kept = (record: ServerRecord): StoredEvent | undefined => {
    if (!naming.ours(record) || skippedTypes.has(record.type)) return undefined
    const row = storedEventOf(naming.local(record))
    if (E.isLeft(row)) throw row.left
    return row.right
  }
  const beyond = (offset: bigint) => toPosition !== undefined && offset * 2n > toPosition
  const start = readStartOf(fromPosition)
  if (start !== 'start' && fromPosition % 2n === 0n) {
    let first: ReadonlyArray<ServerRecord>
    try {
      first = await driver.readAll({ from: start, maxCount: 1, direction: 'forwards' })
    } catch (e) {
      throw failed(e)
    }
    const record = first[0]
    if (record !== undefined && record.position?.commit === start.commit) {
      if (beyond(start.commit)) return
      const row = kept(record)
      if (row !== undefined) yield row
    }
  }
  for await (const batch of messagesOf(driver.catchUpAll({ after: start, filter: logFilterOf(naming, skippedTypes), searchWindow: batchSize }))) {
    for (const message of batch) {
      if (message.kind === 'caught-up') return
      if (message.kind === 'checkpoint') {
        if (beyond(message.position.commit)) return
        continue
      }
      const row = kept(message.record)
      if (row === undefined) {
        if (beyond(message.record.position?.commit ?? -1n)) return
        continue
      }
      if (toPosition !== undefined && row.globalPosition > toPosition) return
      yield row
    }
  }
}
