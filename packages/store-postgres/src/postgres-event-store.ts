/**
 * The PostgreSQL event store: the log of account ownership (Kundenverantwortung) and access in
 * one database, written by any number of processes at once.
 *
 * Concurrency: an append locks its stream (a transaction-scoped advisory lock), checks the
 * expected version under that lock and computes the chain, then moves the log's head row and
 * inserts its batch in one statement and commits; appends to different streams wait for each
 * other only from that statement to the commit. Positions are handed out under the head row's
 * lock, so they are dense and in commit order: a reader of `readAll` never sees a later position
 * before an earlier one commits, and a projection never skips an event. Durability: an append
 * commits without waiting for the disk and is acknowledged once a flush covers it; a read hands
 * out only events that a flush covers, so no crash takes back what a writer or reader was told
 * (postgres-durability.ts).
 *
 * @module
 */
import {
  ConcurrencyError,
  StoreUnavailableError,
  checkAppend,
  checkReadAll,
  checkReadStream,
  currentSchema,
  decodeStoredEvent,
  pagesOf,
  systemClock,
  verifiedEvents,
  type Clock,
  type EventSchema,
  type EventStore,
  type ImportingEventStore,
  type InvalidStoreInputError,
  type RecordedEvent,
  type StoredEvent,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { appendBatch } from './postgres-append.js'
import { subscribeToChannel, type Unsubscribe } from './postgres-commit-notifications.js'
import { importRows } from './postgres-import.js'
import { connect, type PostgresConnection, type PostgresConnectionOptions } from './postgres-connection.js'
import { durableMark } from './postgres-durability.js'
import { streamTips, type StreamTip } from './postgres-stream-tips.js'
import { isPostgresFailure, storeErrorOfPostgres, type PostgresSchemaError } from './postgres-errors.js'
import { migrate } from './postgres-schema.js'
import { commitChannelOf, maxBigint, statementsOf, storedEventOf, type EventRow, type PreparedStatement } from './postgres-statements.js'

/**
 * What the store adds to its connection: where `recordedAt` comes from and the event schema.
 * @category store
 * @since 0.2.0
 */
export interface PostgresEventStoreSettings {
  /** Source of `recordedAt`; the wall clock by default. */
  readonly clock?: Clock
  /** The event schema (versions and upcasters); `schema` names the PostgreSQL schema. */
  readonly eventSchema?: EventSchema
}

/**
 * Where the log lives and how the store behaves.
 * @category store
 * @since 0.2.0
 * @example
 * const opened = await openPostgresEventStore({ connection: { host: '127.0.0.1', database: 'crm', user: 'app' } })
 */
export type PostgresEventStoreOptions = PostgresConnectionOptions & PostgresEventStoreSettings

/**
 * An event store on one PostgreSQL schema.
 * @category store
 * @since 0.2.0
 */
export interface PostgresEventStore extends ImportingEventStore {
  /** The schema the log's tables live in. */
  readonly schema: string
  /** The channel on which every append announces its last position at commit (`LISTEN`). */
  readonly commitChannel: string
  /** The pool the store runs on. */
  readonly pool: PostgresConnection['pool']
  /**
   * Call `onCommit` with the last position of every append, as soon as its commit is visible
   * (LISTEN on a connection of its own) — e.g. as a projection runtime's `commits`. A dropped
   * connection is reopened with backoff (`listenBackoff`), and then `onCommit(0n)` says that
   * commits may have gone unannounced meanwhile.
   * @since 0.2.0
   */
  subscribeToCommits(onCommit: (position: bigint) => void): Promise<E.Either<StoreUnavailableError, Unsubscribe>>
}

/**
 * Why a store could not be opened: bad options (the field named), an unreachable or refusing
 * server, or a schema of a newer release.
 * @category errors
 * @since 0.2.0
 */
export type PostgresOpenError = InvalidStoreInputError | StoreUnavailableError | PostgresSchemaError

/**
 * Open the event store in a PostgreSQL schema, creating or migrating its tables where needed.
 * On failure, a pool the store opened is ended again.
 * @category store
 * @since 0.2.0
 * @example
 * const opened = await openPostgresEventStore({ connection: { host: '127.0.0.1', database: 'crm' } })
 * if (E.isLeft(opened)) console.error(opened.left.message)
 * else await opened.right.append(accountStream(accountId), events, { expectedVersion: 'no-stream' })
 */
export const openPostgresEventStore = async (options: PostgresEventStoreOptions): Promise<E.Either<PostgresOpenError, PostgresEventStore>> => {
  const connected = connect(options)
  if (E.isLeft(connected)) return connected
  const connection = connected.right
  const failed = async <L>(error: L): Promise<E.Either<L, never>> => {
    if (connection.owned) await connection.pool.end().catch(() => undefined)
    return E.left(error)
  }
  try {
    const client = await connection.pool.connect()
    // A client whose migration failed may be left inside its transaction: it is not pooled again.
    let broken = true
    try {
      const migrated = await migrate(client, connection.schema)
      broken = false
      if (E.isLeft(migrated)) return failed(migrated.left)
    } finally {
      client.release(broken)
    }
  } catch (e) {
    if (!isPostgresFailure(e)) throw e
    return failed(storeErrorOfPostgres(e))
  }
  return E.right(postgresEventStore(connection, options.clock ?? systemClock, options.eventSchema ?? currentSchema))
}

// A thrown driver failure as the store error the port promises; anything else is a bug and keeps
// travelling.
const asStoreError = (e: unknown): StoreUnavailableError => {
  if (isPostgresFailure(e)) return storeErrorOfPostgres(e)
  throw e
}

const capped = (to: bigint | undefined): bigint => (to === undefined || to > maxBigint ? maxBigint : to)

// A read that fails does so on iteration, not on the call.
async function* rejecting(error: Error): AsyncGenerator<never> {
  throw error
}

const postgresEventStore = (connection: PostgresConnection, clock: Clock, schema: EventSchema): PostgresEventStore => {
  const { pool, owned } = connection
  const sql = statementsOf(connection.schema)
  const commitChannel = commitChannelOf(connection.schema)
  let closed = false
  const closedError = () => new StoreUnavailableError('the PostgreSQL event store is closed', false)
  const subscriptions = new Set<Unsubscribe>()
  const durable = durableMark(pool, sql)
  const tips = streamTips()

  // Keyset pagination: each page is one short query, so no read holds a snapshot open while the
  // caller works, and memory stays bounded by the batch size. A page is handed out only once
  // durable, so a crash cannot take back an event a reader was given. `atEnd` hears of the last
  // row when the read ran out of rows before `to`.
  async function* rowPages(statement: PreparedStatement, args: (key: bigint) => unknown[], keyOf: (row: StoredEvent) => bigint, from: bigint, to: bigint, limit: number, atEnd?: (last: StoredEvent) => void) {
    // The last row of the read so far: a page that comes back empty after a full one still ends at it.
    let last: StoredEvent | undefined
    for (let key = from; key <= to; ) {
      let rows: StoredEvent[]
      try {
        rows = (await pool.query<EventRow>({ ...statement, values: [...args(key), limit] })).rows.map(storedEventOf)
        // A page's highest position is its last: a stream's versions follow the log's order.
        await durable.ensure(rows[rows.length - 1]?.globalPosition ?? 0n)
      } catch (e) {
        throw asStoreError(e)
      }
      last = rows[rows.length - 1] ?? last
      if (rows.length > 0) key = keyOf(last!) + 1n
      if (rows.length < limit) {
        if (rows.length > 0) yield rows
        if (last !== undefined) atEnd?.(last)
        return
      }
      yield rows
    }
  }
  // Event by event, with one generator between the query and the reader: a second layer would
  // cost every event of a replay another turn through an async iterator.
  async function* oneByOne<A>(pages: AsyncIterable<ReadonlyArray<StoredEvent>>, emit: (row: StoredEvent) => A): AsyncGenerator<A> {
    for await (const page of pages) for (const row of page) yield emit(row)
  }
  const decodeOrThrow = (row: StoredEvent): RecordedEvent => {
    const event = decodeStoredEvent(row, schema)
    if (E.isLeft(event)) throw event.left
    return event.right
  }
  const logRowPages = (options: Parameters<EventStore['readAll']>[0], statement: PreparedStatement) => {
    const checked = checkReadAll(options)
    if (E.isLeft(checked)) return E.left(checked.left)
    const { fromPosition, toPosition, batchSize, skippedTypes } = checked.right
    const to = capped(toPosition)
    return E.right({ batchSize, pages: rowPages(statement, (key) => [String(key), String(to), skippedTypes ?? null], (row) => row.globalPosition, fromPosition, to, batchSize) })
  }
  // Each page decoded in one go: a rebuild's million events need no turn through an async iterator each.
  async function* decodedPages(pages: AsyncIterable<ReadonlyArray<StoredEvent>>): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
    for await (const page of pages) yield page.map(decodeOrThrow)
  }
  // The log's events, each page checked against the hash chain where `verifyHashes` asks for it.
  const logEvents = (options: Parameters<EventStore['readAll']>[0]) => {
    const verify = options?.verifyHashes === true
    return E.map(({ batchSize, pages }: { batchSize: number; pages: AsyncIterable<ReadonlyArray<StoredEvent>> }) => ({
      batchSize,
      pages,
      verified: verify ? verifiedEvents(oneByOne(pages, (row) => row), schema, options?.types !== undefined) : undefined,
    }))(logRowPages(options, verify ? sql.storedPage : sql.logPage))
  }

  return {
    schema: connection.schema,
    commitChannel,
    pool,

    async append(streamId, events, options) {
      if (closed) return E.left(closedError())
      const checked = checkAppend(streamId, events, options, schema)
      if (E.isLeft(checked)) return checked
      try {
        return await appendBatch({ pool, sql, schema, lockKey: `${connection.schema}/${checked.right.streamId}`, commitChannel, clock, durable, tips }, checked.right)
      } catch (e) {
        return E.left(asStoreError(e))
      }
    },

    readStream(streamId, options) {
      if (closed) return rejecting(closedError())
      const checked = checkReadStream(streamId, options)
      if (E.isLeft(checked)) return rejecting(checked.left)
      const { streamId: id, from, to, batchSize } = checked.right
      const upTo = capped(to)
      // A read to the stream's end saw its tip: the next append to it may take one round trip.
      const learn = upTo === maxBigint ? (last: StoredEvent) => last.hash !== undefined && tips.set(id, { version: last.streamVersion, hash: last.hash } satisfies StreamTip) : undefined
      return oneByOne(rowPages(sql.streamPage, (key) => [id, String(key), String(upTo)], (row) => row.streamVersion, from, upTo, batchSize, learn), decodeOrThrow)
    },

    readAll(options) {
      if (closed) return rejecting(closedError())
      const read = logEvents(options)
      if (E.isLeft(read)) return rejecting(read.left)
      return read.right.verified ?? oneByOne(read.right.pages, decodeOrThrow)
    },

    readAllPages(options) {
      if (closed) return rejecting(closedError())
      const read = logEvents(options)
      if (E.isLeft(read)) return rejecting(read.left)
      const { verified, batchSize, pages } = read.right
      return verified === undefined ? decodedPages(pages) : pagesOf(verified, batchSize)
    },

    readStoredAll(options) {
      if (closed) return rejecting(closedError())
      const read = logRowPages(options, sql.storedPage)
      return E.isLeft(read) ? rejecting(read.left) : oneByOne(read.right.pages, (row) => row)
    },

    async streamVersion(streamId) {
      if (closed) return E.left(closedError())
      const checked = checkReadStream(streamId)
      if (E.isLeft(checked)) return checked
      try {
        const { rows } = await pool.query<{ v: string | null; p: string | null }>({ ...sql.streamHead, values: [checked.right.streamId] })
        const v = rows[0]?.v ?? null
        await durable.ensure(BigInt(rows[0]?.p ?? '0'))
        return E.right(v === null ? 'no-stream' : BigInt(v))
      } catch (e) {
        return E.left(asStoreError(e))
      }
    },

    async headPosition() {
      if (closed) return E.left(closedError())
      try {
        // A head a crash could take back would let a projection move its checkpoints past the log.
        return E.right(await durable.durableHead())
      } catch (e) {
        return E.left(asStoreError(e))
      }
    },

    async importStored(rows) {
      if (closed) return E.left(closedError())
      try {
        const imported = await importRows({ pool, sql, schema: connection.schema, commitChannel }, rows)
        // An import commits at the session's synchronous_commit, under the head row: durable through its head.
        if (E.isRight(imported)) durable.raise(imported.right.head)
        return imported
      } catch (e) {
        return E.left(asStoreError(e))
      }
    },

    async subscribeToCommits(onCommit) {
      if (closed) return E.left(closedError())
      const subscribed = await subscribeToChannel(pool, commitChannel, onCommit)
      if (E.isLeft(subscribed)) return subscribed
      const unsubscribe = async () => {
        subscriptions.delete(unsubscribe)
        await subscribed.right()
      }
      subscriptions.add(unsubscribe)
      return E.right(unsubscribe)
    },

    async close() {
      if (closed) return
      closed = true
      await Promise.all([...subscriptions].map((unsubscribe) => unsubscribe()))
      // A pool handed in belongs to the caller, who ends it.
      if (owned) await pool.end()
    },
  }
}
