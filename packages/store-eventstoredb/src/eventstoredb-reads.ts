/**
 * Reading the log (das Protokoll lesen) from EventStoreDB, page by page: one stream in revision
 * order, or `$all` in log order kept to this library's streams. Each page is one round trip of at
 * most `batchSize` events, so memory stays bounded however long the log. A missing stream reads
 * as empty; a client failure rejects the read with the store's error.
 *
 * `$all` holds every stream of the server — system streams (`$…`) and other applications'. With
 * `filterOnServer: false` (servers before 23.10) it is read unfiltered here, page by page, and
 * each page is kept to the store's streams (`StreamNaming.ours`) and types; pages continue from
 * the offset of the last event seen and skip what was already seen, whether the server starts a
 * page at that event or after it. By default the log is read filtered on the server instead
 * (`eventstoredb-catch-up-reads.ts`). `headRow` reads backwards, which the client offers only
 * unfiltered.
 *
 * @module
 */
import type { StoredEvent } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { EventStoreDbDriver, LogPosition, ServerRecord } from './eventstoredb-driver.js'
import { isStreamNotFound, storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
import type { StreamNaming } from './eventstoredb-naming.js'
import { readStartOf } from './eventstoredb-position.js'
import { storedEventOf } from './eventstoredb-record.js'

const page = async (read: () => Promise<ReadonlyArray<ServerRecord>>, missingIsEmpty: boolean): Promise<ReadonlyArray<ServerRecord>> => {
  try {
    return await read()
  } catch (e) {
    if (missingIsEmpty && isStreamNotFound(e)) return []
    throw storeErrorOfEventStoreDb(e)
  }
}

const rowOf = (record: ServerRecord): StoredEvent => {
  const row = storedEventOf(record)
  if (E.isLeft(row)) throw row.left
  return row.right
}

/**
 * The rows of one stream from revision `from` to `to` (inclusive), forwards.
 * @category reads
 * @since 0.2.0
 */
export async function* streamRows(
  driver: EventStoreDbDriver,
  naming: StreamNaming,
  streamId: string,
  from: bigint,
  to: bigint | undefined,
  batchSize: number,
): AsyncGenerator<StoredEvent> {
  let next = from
  for (;;) {
    // Never more than the window holds: a read of one event (a report fetching its source) asks for one.
    const wanted = to === undefined || to - next + 1n >= BigInt(batchSize) ? batchSize : Number(to - next + 1n)
    if (wanted <= 0) return
    const records = await page(() => driver.readStream(naming.serverName(streamId), { from: next, maxCount: wanted, direction: 'forwards' }), true)
    for (const record of records) {
      if (to !== undefined && record.revision > to) return
      yield rowOf(naming.local(record))
      next = record.revision + 1n
    }
    if (records.length < wanted) return
  }
}

/**
 * The last event of one stream, or `undefined` for a stream that does not exist.
 * @category reads
 * @since 0.2.0
 */
export const lastRow = async (driver: EventStoreDbDriver, naming: StreamNaming, streamId: string): Promise<StoredEvent | undefined> => {
  const [record] = await page(() => driver.readStream(naming.serverName(streamId), { from: 'end', maxCount: 1, direction: 'backwards' }), true)
  return record === undefined ? undefined : rowOf(naming.local(record))
}

const offsetOf = (record: ServerRecord): bigint => record.position?.commit ?? -1n

/**
 * The rows of the store's streams in log order, with global positions from `fromPosition` to
 * `toPosition` (inclusive), none of the event types in `skippedTypes`, read unfiltered: the
 * client's `readAll` (`@eventstore/db-client` 6) sends no filter to the server, so other streams
 * and the types are left out here, as each page arrives and before anything of a left-out record
 * is read.
 * @category reads
 * @since 0.2.0
 */
export async function* logRows(
  driver: EventStoreDbDriver,
  naming: StreamNaming,
  fromPosition: bigint,
  toPosition: bigint | undefined,
  batchSize: number,
  skippedTypes: ReadonlySet<string> = new Set(),
): AsyncGenerator<StoredEvent> {
  let start: LogPosition | 'start' = readStartOf(fromPosition)
  let seen = -1n
  for (;;) {
    // After the first page one more than a batch: the page may begin with the event already seen.
    const maxCount = seen < 0n ? batchSize : batchSize + 1
    const records = await page(() => driver.readAll({ from: start, maxCount, direction: 'forwards' }), false)
    for (const record of records) {
      const offset = offsetOf(record)
      if (offset <= seen) continue
      seen = offset
      if (!naming.ours(record) || skippedTypes.has(record.type)) continue
      const row = rowOf(naming.local(record))
      if (row.globalPosition < fromPosition) continue
      if (toPosition !== undefined && row.globalPosition > toPosition) return
      yield row
    }
    if (records.length < maxCount || seen < 0n) return
    start = { commit: seen, prepare: seen }
  }
}

/**
 * The last event of the store's streams, or `undefined` for none, read backwards from the end of
 * `$all`.
 * @category reads
 * @since 0.2.0
 */
export const headRow = async (driver: EventStoreDbDriver, naming: StreamNaming, batchSize: number): Promise<StoredEvent | undefined> => {
  let start: LogPosition | 'end' = 'end'
  let below: bigint | undefined
  for (;;) {
    const maxCount = below === undefined ? batchSize : batchSize + 1
    const records = await page(() => driver.readAll({ from: start, maxCount, direction: 'backwards' }), false)
    let lowest: bigint | undefined
    for (const record of records) {
      const offset = offsetOf(record)
      if (below !== undefined && offset >= below) continue
      lowest = offset
      if (naming.ours(record)) return rowOf(naming.local(record))
    }
    if (records.length < maxCount || lowest === undefined) return undefined
    below = lowest
    start = { commit: lowest, prepare: lowest }
  }
}
