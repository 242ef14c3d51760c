/**
 * The event store on an EventStoreDB/KurrentDB cluster (Ereignisspeicher im Cluster), for teams
 * that run one already or have outgrown one database.
 *
 * Concurrency: the server serialises the writes to one stream; an append reads its stream and
 * appends at exactly the revision it read, so of two racing appends one wins and the other is
 * decided again against the new state (see `eventstoredb-append.ts`). Writers of different streams
 * never wait for each other. Durability is the server's: an append is acknowledged once the
 * cluster has committed it (to a quorum of nodes in a cluster). Global positions are twice the
 * server's log offsets (see `eventstoredb-position.ts`): increasing, not contiguous.
 *
 * @module
 */
import {
  InvalidStoreInputError,
  StoreUnavailableError,
  checkReadAll,
  checkReadStream,
  currentSchema,
  decodeStoredEvent,
  isStoreError,
  systemClock,
  verifiedEvents,
  type Clock,
  type EventSchema,
  type EventStore,
  type ReadAllOptions,
  type ReadError,
  type RecordedEvent,
  type StoredEvent,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { appendToStream } from './eventstoredb-append.js'
import { connectEventStoreDb } from './eventstoredb-client.js'
import type { EventStoreDbDriver } from './eventstoredb-driver.js'
import { storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
import { streamNaming } from './eventstoredb-naming.js'
import { headRow, lastRow, logRows, streamRows } from './eventstoredb-reads.js'

/**
 * Where the log lives and how the store behaves. Give either `connectionString` or `driver`.
 * @category store
 * @since 0.2.0
 * @example
 * openEventStoreDbEventStore({ connectionString: 'esdb://admin:changeit@localhost:2113?tls=false' })
 * openEventStoreDbEventStore({ driver: eventStoreDbDriver(myClient) }) // a client you already use
 */
export interface EventStoreDbEventStoreOptions {
  /** An `esdb://` or `esdb+discover://` connection string; the store creates the client and disposes of it on `close()`. */
  readonly connectionString?: string
  /** Instead: a driver over a client you created; `close()` disposes of it only if `disposeOnClose` says so. */
  readonly driver?: EventStoreDbDriver
  /** Whether `close()` disposes of the client; `true` for a connection string, `false` for a driver you gave. */
  readonly disposeOnClose?: boolean
  /** The stream name prefixes that are this library's in `$all`; `account-`, `principal-`, `subject-` by default. */
  readonly streamPrefixes?: ReadonlyArray<string>
  /** A prefix of every server stream name of this log (`t42.`), to keep several logs in one cluster; none by default. */
  readonly namespace?: string
  /** How often an append starts again after another writer got in between; 5 by default. */
  readonly appendAttempts?: number
  /** With `connectionString`: how long one page of a read may take before it fails as retryable; 30000 ms by default. */
  readonly readTimeoutMs?: number
  /** Source of `recordedAt`; the wall clock by default. */
  readonly clock?: Clock
  readonly schema?: EventSchema
}

/**
 * The streams of this library: accounts, principals and data subjects.
 * @category store
 * @since 0.2.0
 */
export const defaultStreamPrefixes: ReadonlyArray<string> = ['account-', 'principal-', 'subject-']

const invalid = (field: string, reason: string) => E.left(new InvalidStoreInputError(field, reason))

const driverOf = (options: EventStoreDbEventStoreOptions): E.Either<InvalidStoreInputError, { driver: EventStoreDbDriver; owned: boolean }> => {
  const { connectionString, driver } = options
  if ((connectionString === undefined) === (driver === undefined)) return invalid('connectionString', 'give either a connection string or a driver')
  if (driver !== undefined) return E.right({ driver, owned: false })
  if (typeof connectionString !== 'string' || connectionString.length === 0) return invalid('connectionString', 'expected an esdb:// connection string')
  try {
    return E.right({ driver: connectEventStoreDb(connectionString, options.readTimeoutMs === undefined ? {} : { readTimeoutMs: options.readTimeoutMs }), owned: true })
  } catch {
    // The client's message repeats the string, which may hold a password.
    return invalid('connectionString', 'the client cannot parse it as an esdb:// or esdb+discover:// connection string')
  }
}

const checkOptions = (options: unknown): E.Either<InvalidStoreInputError, EventStoreDbEventStoreOptions> => {
  if (typeof options !== 'object' || options === null) return invalid('options', 'expected an object with a connectionString or a driver')
  const { streamPrefixes, appendAttempts, disposeOnClose, namespace, readTimeoutMs } = options as EventStoreDbEventStoreOptions
  if (streamPrefixes !== undefined && (!Array.isArray(streamPrefixes) || streamPrefixes.length === 0 || !streamPrefixes.every((p) => typeof p === 'string' && /^[a-z][a-z0-9]*-$/.test(p)))) {
    return invalid('streamPrefixes', 'expected a non-empty list of stream families with their dash, such as account-')
  }
  if (appendAttempts !== undefined && !(Number.isInteger(appendAttempts) && appendAttempts >= 1 && appendAttempts <= 100)) return invalid('appendAttempts', 'expected an integer from 1 to 100')
  if (disposeOnClose !== undefined && typeof disposeOnClose !== 'boolean') return invalid('disposeOnClose', 'expected true or false')
  if (readTimeoutMs !== undefined && !(Number.isInteger(readTimeoutMs) && readTimeoutMs >= 1 && readTimeoutMs <= 3_600_000)) {
    return invalid('readTimeoutMs', 'expected an integer number of milliseconds from 1 to 3600000')
  }
  if (namespace !== undefined && !(typeof namespace === 'string' && /^[a-z0-9][a-z0-9_]{0,39}\.$/.test(namespace))) {
    return invalid('namespace', 'expected up to 40 lower-case letters, digits or _ and a closing dot, such as t42.')
  }
  return E.right(options as EventStoreDbEventStoreOptions)
}

/**
 * An event store on EventStoreDB/KurrentDB. Nothing is sent to the server before the first call.
 * @category store
 * @since 0.2.0
 */
export const openEventStoreDbEventStore = (options: EventStoreDbEventStoreOptions): E.Either<InvalidStoreInputError, EventStore> => {
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
    yield* logRows(driver, naming, read.right.fromPosition, read.right.toPosition, read.right.batchSize)
  }
  const answer = async <A>(work: () => Promise<A>): Promise<E.Either<ReadError, A>> => {
    try {
      return E.right(await work())
    } catch (e) {
      return E.left(isStoreError(e) && e._tag !== 'ConcurrencyError' && e._tag !== 'DuplicateEventError' ? e : storeErrorOfEventStoreDb(e))
    }
  }

  const store: EventStore = {
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
      return readOptions?.verifyHashes === true ? verifiedEvents(rows, schema) : decoded(rows)
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

    async close() {
      if (closed) return
      closed = true
      if (disposeOnClose) await driver.dispose()
    },
  }
  return E.right(store)
}
