/**
 * The event store on an EventStoreDB/KurrentDB cluster (Ereignisspeicher im Cluster), for teams
 * that run one already or have outgrown one database.
 *
 * Concurrency: the server serialises the writes to one stream; an append reads its stream and
 * appends at exactly the revision it read, so of two racing appends one wins and the other is
 * decided again against the new state (see `eventstoredb-append.ts`). Writers of different streams
 * never wait for each other. Durability is the server's: an append is acknowledged once the
 * cluster has committed it (to a quorum of nodes in a cluster). Global positions are twice the
 * server's log offsets (see `eventstoredb-position.ts`): increasing, not contiguous. Reads of the
 * log are filtered on the server (`eventstoredb-catch-up-reads.ts`) unless `filterOnServer` is
 * `false`.
 *
 * @module
 */
import {
  StoreUnavailableError,
  checkReadAll,
  checkReadStream,
  currentSchema,
  decodeStoredEvent,
  isStoreError,
  systemClock,
  verifiedEvents,
  type ImportingEventStore,
  type InvalidStoreInputError,
  type ReadAllOptions,
  type ReadError,
  type RecordedEvent,
  type StoredEvent,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { appendToStream } from './eventstoredb-append.js'
import { caughtUpLogRows } from './eventstoredb-catch-up-reads.js'
import { importRows } from './eventstoredb-import.js'
import { storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
import { streamNaming } from './eventstoredb-naming.js'
import { checkOptions, defaultStreamPrefixes, driverOf, type EventStoreDbEventStoreOptions } from './eventstoredb-options.js'
import { headRow, lastRow, logRows, streamRows } from './eventstoredb-reads.js'

/**
 * An event store on EventStoreDB/KurrentDB. Nothing is sent to the server before the first call.
 * @category store
 * @since 0.2.0
 */
export const openEventStoreDbEventStore = (options: EventStoreDbEventStoreOptions): E.Either<InvalidStoreInputError, ImportingEventStore> => {
  const checked = checkOptions(options)
  if (E.isLeft(checked)) return checked
  const opened = driverOf(checked.right)
  if (E.isLeft(opened)) return opened
  const { driver, owned } = opened.right
  const schema = options.schema ?? currentSchema
  const clock = options.clock ?? systemClock
  const naming = streamNaming(options.namespace ?? '', options.streamPrefixes ?? defaultStreamPrefixes)
  const context = { driver, naming, schema, clock, attempts: options.appendAttempts ?? 5, batchSize: 500 }
  const disposeOnClose = options.disposeOnClose ?? owned
  const logReader = options.filterOnServer === false ? logRows : caughtUpLogRows
  let closed = false
  const unavailable = () => new StoreUnavailableError('the EventStoreDB store is closed', false)

  async function* decoded(rows: AsyncIterable<StoredEvent>): AsyncGenerator<RecordedEvent> {
    for await (const row of rows) {
      const event = decodeStoredEvent(row, schema)
      if (E.isLeft(event)) throw event.left
      yield event.right
    }
  }
  async function* storedRows(readOptions?: ReadAllOptions): AsyncGenerator<StoredEvent> {
    if (closed) throw unavailable()
    const read = checkReadAll(readOptions)
    if (E.isLeft(read)) throw read.left
    yield* logReader(driver, naming, read.right.fromPosition, read.right.toPosition, read.right.batchSize, new Set(read.right.skippedTypes))
  }
  const answer = async <A>(work: () => Promise<A>): Promise<E.Either<ReadError, A>> => {
    try {
      return E.right(await work())
    } catch (e) {
      return E.left(isStoreError(e) && e._tag !== 'ConcurrencyError' && e._tag !== 'DuplicateEventError' ? e : storeErrorOfEventStoreDb(e))
    }
  }

  const store: ImportingEventStore = {
    positions: 'increasing',

    async append(streamId, events, appendOptions) {
      if (closed) return E.left(unavailable())
      return appendToStream(context, streamId, events, appendOptions)
    },

    readStream(streamId, readOptions) {
      const read = checkReadStream(streamId, readOptions)
      return decoded(
        (async function* () {
          if (closed) throw unavailable()
          if (E.isLeft(read)) throw read.left
          yield* streamRows(driver, naming, read.right.streamId, read.right.from, read.right.to, read.right.batchSize)
        })(),
      )
    },

    readAll(readOptions) {
      const rows = storedRows(readOptions)
      return readOptions?.verifyHashes === true ? verifiedEvents(rows, schema, readOptions.types !== undefined) : decoded(rows)
    },

    readStoredAll: storedRows,

    async streamVersion(streamId) {
      if (closed) return E.left(unavailable())
      const read = checkReadStream(streamId)
      if (E.isLeft(read)) return read
      return answer(async () => (await lastRow(driver, naming, read.right.streamId))?.streamVersion ?? 'no-stream')
    },

    async headPosition() {
      if (closed) return E.left(unavailable())
      return answer(async () => (await headRow(driver, naming, context.batchSize))?.globalPosition ?? 0n)
    },

    // A copy's rows keep everything but their positions, which the server gives (see eventstoredb-import.ts).
    async importStored(rows) {
      if (closed) return E.left(unavailable())
      return importRows({ driver, naming }, rows)
    },

    async close() {
      if (closed) return
      closed = true
      if (disposeOnClose) await driver.dispose()
    },
  }
  return E.right(store)
}
