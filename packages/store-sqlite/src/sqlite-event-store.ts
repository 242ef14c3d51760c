/**
 * The embedded event store: the whole log of account ownership (Kundenverantwortung) and access
 * in one SQLite file, with nothing to set up.
 *
 * Concurrency: an append takes the file's write lock with `BEGIN IMMEDIATE` (waiting up to the
 * busy timeout, then failing with a retryable `StoreUnavailableError`), checks the expected
 * version under that lock and writes its batch in one transaction, so any number of processes may
 * append to one file and of two racing appends exactly one wins. Durability: WAL with
 * `synchronous = FULL`, so an append is acknowledged only after its commit is synced to disk and
 * survives a killed process as well as a power loss. Appends of one process that arrive together
 * share that transaction and its one sync (group commit, `sqlite-group-commit.ts`), each checked
 * under its own savepoint, so a conflict fails only its own append, and none is acknowledged
 * before the shared commit is durable. An append to a stream this store wrote lately skips reading
 * the stream's tip back, as long as nothing else changed the file (`sqlite-stream-tips.ts`).
 * Readers never wait for writers: each read
 * batch is one snapshot, and positions become visible in order, without gaps.
 *
 * better-sqlite3 is synchronous: while SQLite waits for the lock, the process's event loop waits
 * too. That is the price of the embedded default; many writers belong on PostgreSQL.
 *
 * @module
 */
import {
  chainHash,
  genesisHash,
  ConcurrencyError,
  StoreUnavailableError,
  checkAppend,
  checkReadAll,
  checkReadStream,
  classifyRepeat,
  currentSchema,
  decodeStoredEvent,
  recordedEventOf,
  nextVersion,
  satisfies,
  systemClock,
  verifiedEvents,
  pagesOf,
  type AppendError,
  type AppendResult,
  type Clock,
  type EventSchema,
  type EventStore,
  type ExpectedVersion,
  type InvalidStoreInputError,
  type CheckedEvent,
  type PreparedEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type StoredEvent,
  type StoredEventImport,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { availableParallelism } from 'node:os'
import { backUp, type SqliteBackup } from './sqlite-backup.js'
import { importStoredRows } from './sqlite-import.js'
import { commitQueue, defaultGroupCommit, type GroupCommitOptions } from './sqlite-group-commit.js'
import { closeConnection, openConnection, type SqliteConnection, type SqliteConnectionOptions } from './sqlite-connection.js'
import { callersTransactionError, isRecordedEventId, isSqliteFailure, openErrorOfSqlite, storeErrorOfSqlite, type SqliteOpenError } from './sqlite-errors.js'
import { maxInteger, prepareStatements, typeFilterOf, type SqliteStatements, type TypeFilter } from './sqlite-statements.js'
import { boundsOver } from './sqlite-open-options.js'
import { sqliteStreamTips } from './sqlite-stream-tips.js'
import { defaultReadAhead, sqliteReadAhead, type ReadAheadOptions } from './sqlite-read-ahead.js'

/**
 * What the store adds to its connection: where `recordedAt` comes from and the event schema.
 * @category store
 * @since 0.1.0
 */
export interface SqliteEventStoreSettings {
  /** Source of `recordedAt`; the wall clock by default. */
  readonly clock?: Clock
  readonly schema?: EventSchema
  /**
   * Appends that arrive together share one transaction and one sync, each under its own
   * savepoint (see `GroupCommitOptions`); on by default, `false` commits every append alone.
   * @since 0.3.0
   */
  readonly groupCommit?: GroupCommitOptions | false
  /**
   * A long read of the log in pages (`readAllPages`: a rebuild) has a worker thread
   * read and check the next pages while the caller folds the ones it has (see
   * `ReadAheadOptions`); on by default for reads of at least 100,000 positions of a file where
   * the process may use more than one core, `false` reads on the calling thread only.
   * @since 0.4.0
   */
  readonly readAhead?: ReadAheadOptions | false
}

/**
 * Where the log lives and how the store behaves: a connection's options and the store's settings.
 * @category store
 * @since 0.1.0
 * @example
 * openSqliteEventStore({ path: 'kunden.db' })
 * openSqliteEventStore({ path: 'kunden.db', readonly: true }) // an auditor replays the log
 * openSqliteEventStore({ database: new Database('crm.db') }) // beside the CRM's own tables
 */
export type SqliteEventStoreOptions = SqliteConnectionOptions & SqliteEventStoreSettings

/**
 * An event store on one SQLite file.
 * @category store
 * @since 0.1.0
 */
export interface SqliteEventStore extends EventStore, StoredEventImport {
  /** `true` in the auditor's mode, where every append is refused. */
  readonly readonly: boolean
  /**
   * Copy the log to a new file at `toPath` while writers go on appending (SQLite's online backup):
   * one consistent snapshot holding every event committed when it began, as one self-contained
   * file. Copying the file itself while a writer runs loses what is still in the write-ahead log.
   * An existing file is never overwritten; a failed copy is removed.
   * @since 0.2.0
   * @example
   * const copied = await store.backup('/backup/kunden-2026-03-12.db')
   * if (E.isLeft(copied)) console.error(copied.left.message)
   * else console.log(`backed up to position ${copied.right.lastGlobalPosition}`)
   */
  backup(toPath: string): Promise<E.Either<InvalidStoreInputError | StoreUnavailableError, SqliteBackup>>
}

/**
 * Open (creating or migrating where needed) the event store in a SQLite file. Failures come back
 * as a `SqliteOpenError`; a script that wants to throw does `E.getOrElseW((e) => { throw e })`.
 * @category store
 * @since 0.1.0
 * @example
 * const opened = openSqliteEventStore({ path: 'kunden.db' })
 * if (E.isLeft(opened)) console.error(opened.left.reason)
 * else await opened.right.append(accountStream(accountId), events, { expectedVersion: 'no-stream' })
 */
export const openSqliteEventStore = (options: SqliteEventStoreOptions): E.Either<SqliteOpenError, SqliteEventStore> => {
  const opened = openConnection(options)
  if (E.isLeft(opened)) return opened
  try {
    const settings = { clock: options.clock ?? systemClock, schema: options.schema ?? currentSchema, groupCommit: options.groupCommit ?? defaultGroupCommit, readAhead: options.readAhead ?? (availableParallelism() > 1 ? defaultReadAhead : false) }
    return E.right(sqliteEventStore(opened.right, settings))
  } catch (e) {
    // A file whose schema pages are damaged can pass the version check and still fail when the
    // store prepares its statements (a column no longer found): that is a file that cannot be
    // opened, not a throw.
    if (!isSqliteFailure(e)) throw e
    if (opened.right.owned) opened.right.db.close()
    return E.left(openErrorOfSqlite(e, 'path' in options ? options.path : undefined))
  }
}

// How many rows one read query fetches: the caller's batch size, but at most 50. SQLite has no
// round trips to save, and a page lives while the caller works through it: rows still held when
// V8 collects the young heap are promoted to the old one, and with 500-row pages a replay of a
// million events grew the process by about 130 MB (50-row pages: about 40 MB) for the same 10 MB
// of live data. Memory stays bounded by the caller's batch size, as the port promises.
const pageSizeOf = (batchSize: number): number => Math.min(batchSize, 50)

// The row at `i` of a read page, taken out of it. A page lives while its caller works through
// it; rows still referenced then get promoted to the old heap and the process grows. Letting go
// of each row as it is handed out keeps a long replay's memory flat.
const release = (page: Array<StoredEvent | undefined>, i: number): StoredEvent => {
  const row = page[i]!
  page[i] = undefined
  return row
}

// A thrown SQLite failure as the store error the port promises; anything else is a bug and
// keeps travelling.
const asStoreError = (e: unknown): StoreUnavailableError => {
  if (isSqliteFailure(e)) return storeErrorOfSqlite(e)
  throw e
}

const capped = (to: bigint | undefined): bigint => (to === undefined || to > maxInteger ? maxInteger : to)

// One page of a read from `key` on; a failure of SQLite as the store's error.
const pageAt = <R>(page: (key: bigint, limit: number) => R[], key: bigint, limit: number): R[] => {
  try {
    return page(key, limit)
  } catch (e) {
    throw asStoreError(e)
  }
}

// A read that fails does so on iteration, not on the call.
async function* rejecting(error: Error): AsyncGenerator<never> {
  throw error
}

/* The rows an append wrote now (`fresh`), or had written before (a repeated append). */
interface Written {
  readonly rows: ReadonlyArray<StoredEvent>
  readonly fresh: boolean
}

/* An append checked and waiting for its commit. */
interface WaitingAppend {
  readonly streamId: string
  readonly prepared: ReadonlyArray<PreparedEvent>
  readonly expectedVersion: ExpectedVersion
}

const sqliteEventStore = ({ db, owned, readonly }: SqliteConnection, { clock, schema, groupCommit, readAhead: readAheadSettings }: Required<SqliteEventStoreSettings>): SqliteEventStore => {
  const statements = prepareStatements(db, !readonly)
  let closed = false
  const closedError = () => new StoreUnavailableError('the SQLite event store is closed', false)
  const readonlyError = () => new StoreUnavailableError('the SQLite event store is open read-only (auditor mode); appends are refused', false)

  const decodeOrThrow = (row: StoredEvent): RecordedEvent => {
    const decoded = decodeStoredEvent(row, schema)
    if (E.isLeft(decoded)) throw decoded.left
    return decoded.right
  }
  // Keyset pagination, for a stream (by version) and for the log (by position): each page is one
  // short query, so no read holds a snapshot open while the caller works, and memory stays
  // bounded by the batch size.
  async function* pages<A>(
    page: (from: bigint, limit: number) => Array<StoredEvent | undefined>,
    keyOf: (row: StoredEvent) => bigint,
    from: bigint,
    to: bigint,
    batchSize: number,
    emit: (row: StoredEvent) => A,
  ): AsyncGenerator<A> {
    const limit = pageSizeOf(batchSize)
    for (let key = from; key <= to; ) {
      const rows: Array<StoredEvent | undefined> = pageAt(page, key, limit)
      const size = rows.length
      const last = rows[size - 1]
      key = (last === undefined ? 0n : keyOf(last)) + 1n
      for (let i = 0; i < size; i++) yield emit(release(rows, i))
      if (size < limit) return
    }
  }

  // The log a page at a time, each page decoded whole, for a reader that folds in pages anyway:
  // no turn of an async iterator per event, and pages as large as it asks for, since it holds
  // each one whole.
  async function* decodedPages(from: bigint, to: bigint, size: number, skipped: TypeFilter | undefined): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
    for (let key = from; key <= to; ) {
      const rows = pageAt((k, limit) => statements.logPage(k, to, limit, skipped), key, size)
      if (rows.length === 0) return
      key = rows[rows.length - 1]!.globalPosition + 1n
      yield rows.map(decodeOrThrow)
      if (rows.length < size) return
    }
  }

  const ahead = sqliteReadAhead(db, schema, readAheadSettings, statements.logHead)
  // Decided when the read starts, not when it is asked for: a read asked for before the store
  // closed and started after rejects as closed, and starts no worker that closing could not end.
  async function* aheadOrHere(from: bigint, to: bigint, size: number, skipped: TypeFilter | undefined, onThisThread: (from: bigint) => AsyncGenerator<ReadonlyArray<RecordedEvent>>) {
    if (closed) throw closedError()
    yield* ahead.pages(from, to, size, skipped, onThisThread) ?? onThisThread(from)
  }

  const logPages = <A>(options: ReadAllOptions | undefined, page: SqliteStatements['logPage'], emit: (row: StoredEvent) => A): AsyncGenerator<A> => {
    if (closed) return rejecting(closedError())
    const checked = checkReadAll(options)
    if (E.isLeft(checked)) return rejecting(checked.left)
    const { fromPosition, toPosition, batchSize } = checked.right
    const skipped = typeFilterOf(checked.right.skippedTypes)
    return pages((key, limit) => page(key, capped(toPosition), limit, skipped), (row) => row.globalPosition, fromPosition, capped(toPosition), batchSize, emit)
  }
  const storedRows = (options?: ReadAllOptions) => logPages(options, statements.storedPage, (row) => row)

  // A fresh append answers with the events it was given, as checked on the way in; a repeated
  // append answers with the rows in the file, decoded, and one that no longer decodes cannot be
  // an answer to the writer.
  const resultOf = (written: Written, checked: ReadonlyArray<CheckedEvent>): E.Either<StoreUnavailableError, AppendResult> => {
    const { rows, fresh } = written
    const events: RecordedEvent[] = []
    for (const [i, row] of rows.entries()) {
      if (fresh) {
        events.push(recordedEventOf(checked[i]!, row))
        continue
      }
      const decoded = decodeStoredEvent(row, schema)
      if (E.isLeft(decoded)) return E.left(new StoreUnavailableError(decoded.left.message, false, { cause: decoded.left }))
      events.push(decoded.right)
    }
    const last = rows[rows.length - 1]!
    return E.right({ nextExpectedVersion: last.streamVersion, lastGlobalPosition: last.globalPosition, events })
  }

  const insert = statements.insert
  const writeMark = statements.writeMark
  const tips = sqliteStreamTips()
  const repeatOf = (streamId: string, batch: ReadonlyArray<PreparedEvent>) =>
    classifyRepeat(streamId, batch, batch.flatMap((p) => statements.byEventId(p.eventId) ?? []))
  // Idempotency by event id needs a lookup per event. Almost every append carries new ids, so the
  // lookup runs only where a repeat is possible: when the version check fails, and when
  // UNIQUE(event_id) refuses an insert (then the append is rolled back whole and looked up anew).
  const appendOne = (streamId: string, batch: ReadonlyArray<PreparedEvent>, expected: ExpectedVersion): E.Either<AppendError, Written> => {
    const tip = tips.get(streamId) ?? statements.streamTip(streamId)
    const actual = tip === undefined ? 'no-stream' : tip.version
    if (!satisfies(expected, actual)) {
      const repeat = repeatOf(streamId, batch)
      if (E.isLeft(repeat)) return repeat
      return repeat.right === 'new' ? E.left(new ConcurrencyError(streamId, expected, actual)) : E.right({ rows: repeat.right, fresh: false })
    }
    const recordedAt = clock()
    const first = nextVersion(actual)
    // The chain link is written with the event, under the same lock: no event is ever unchained.
    let previous = tip?.hash ?? genesisHash
    const rows = batch.map((p, i) => {
      const unchained = { ...p, streamId, streamVersion: first + BigInt(i), recordedAt }
      previous = chainHash(previous, unchained)
      const row = { ...unchained, hash: previous }
      return { ...row, globalPosition: insert!(row) }
    })
    tips.wrote(streamId, { version: rows[rows.length - 1]!.streamVersion, hash: previous })
    return E.right({ rows, fresh: true })
  }
  const lookUpRepeat = db.transaction((streamId: string, batch: ReadonlyArray<PreparedEvent>, refusal: unknown): E.Either<AppendError, Written> => {
    const repeat = repeatOf(streamId, batch)
    if (E.isLeft(repeat)) return repeat
    // An event id was refused, so at least one is recorded and 'new' cannot be; if it is, say so.
    return repeat.right === 'new' ? E.left(storeErrorOfSqlite(refusal)) : E.right({ rows: repeat.right, fresh: false })
  })

  // One append of a group under its own savepoint (a transaction function called inside another
  // is a savepoint in better-sqlite3): a conflict or a repeat answers for this append alone and
  // leaves the others of its group as they were.
  const inSavepoint = db.transaction(appendOne)
  const appendInGroup = ({ streamId, prepared, expectedVersion }: WaitingAppend): E.Either<AppendError, Written> => {
    try {
      return inSavepoint(streamId, prepared, expectedVersion)
    } catch (e) {
      if (!isRecordedEventId(e)) throw e
      return lookUpRepeat(streamId, prepared, e)
    }
  }
  // One write transaction, with the stream tips it may trust and the mark that keeps them true.
  const committing = (appends: (group: ReadonlyArray<WaitingAppend>) => ReadonlyArray<E.Either<AppendError, Written>>) => {
    const write = db.transaction((group: ReadonlyArray<WaitingAppend>) => {
      tips.began(writeMark!())
      return { results: appends(group), mark: writeMark!() }
    })
    return (group: ReadonlyArray<WaitingAppend>): ReadonlyArray<E.Either<AppendError, Written>> => {
      try {
        const { results, mark } = write.immediate(group)
        tips.committed(mark)
        return results
      } catch (e) {
        tips.abandoned()
        throw e
      }
    }
  }
  // A lone append needs no savepoint: where UNIQUE(event_id) refuses it, its transaction is rolled back whole.
  const commitAlone = committing((group) => [appendOne(group[0]!.streamId, group[0]!.prepared, group[0]!.expectedVersion)])
  const commitTogether = committing((group) => group.map(appendInGroup))
  // A failure of the store itself (the lock, the disk, the commit) fails the whole group: nothing
  // of it was written, and no append is acknowledged before the one commit is durable.
  const commitGroup = (group: ReadonlyArray<WaitingAppend>): ReadonlyArray<E.Either<AppendError, Written>> => {
    // Inside the caller's transaction an append would be a savepoint of it: acknowledged, yet
    // committed — or rolled back — only with it, and its tip remembered all the same.
    if (db.inTransaction) return group.map(() => E.left(callersTransactionError()))
    try {
      if (group.length > 1) return commitTogether(group)
      try {
        return commitAlone(group)
      } catch (e) {
        if (!isRecordedEventId(e)) throw e
        return [lookUpRepeat(group[0]!.streamId, group[0]!.prepared, e)]
      }
    } catch (e) {
      const error = asStoreError(e)
      return group.map(() => E.left(error))
    }
  }
  const queue = readonly || groupCommit === false ? undefined : commitQueue(boundsOver(defaultGroupCommit, groupCommit), commitGroup)

  return {
    readonly,

    async append(streamId, events, options) {
      if (closed) return E.left(closedError())
      if (readonly || insert === undefined) return E.left(readonlyError())
      const checked = checkAppend(streamId, events, options, schema)
      if (E.isLeft(checked)) return checked
      const { checked: decoded, ...waiting } = checked.right
      const written = queue === undefined ? commitGroup([waiting])[0]! : await queue.enqueue(waiting)
      return E.isLeft(written) ? written : resultOf(written.right, decoded)
    },

    // Not generators themselves: they hand out the paging generator (a second generator layer
    // would cost every event of a replay a hop), or one that rejects, since a read rejects on
    // iteration, not on the call.
    readStream(streamId, options) {
      if (closed) return rejecting(closedError())
      const checked = checkReadStream(streamId, options)
      if (E.isLeft(checked)) return rejecting(checked.left)
      const { streamId: id, from, to, batchSize } = checked.right
      return pages((key, limit) => statements.streamPage(id, key, capped(to), limit), (row) => row.streamVersion, from, capped(to), batchSize, decodeOrThrow)
    },

    // Event by event on this thread: a reader this fine-grained does too little per event for a
    // read-ahead to pay for its second decoding (see sqlite-read-ahead.ts).
    readAll(options) {
      return options?.verifyHashes === true ? verifiedEvents(storedRows(options), schema, options.types !== undefined) : logPages(options, statements.logPage, decodeOrThrow)
    },

    readStoredAll: storedRows,

    readAllPages(options) {
      if (closed) return rejecting(closedError())
      const checked = checkReadAll(options)
      if (E.isLeft(checked)) return rejecting(checked.left)
      const { fromPosition, toPosition, batchSize, skippedTypes } = checked.right
      if (options?.verifyHashes === true) return pagesOf(verifiedEvents(storedRows(options), schema, options.types !== undefined), batchSize)
      const [to, skipped] = [capped(toPosition), typeFilterOf(skippedTypes)]
      const onThisThread = (from: bigint) => (closed ? rejecting(closedError()) : decodedPages(from, to, batchSize, skipped))
      return aheadOrHere(fromPosition, to, batchSize, skipped, onThisThread)
    },

    async importStored(rows) {
      if (closed) return E.left(closedError())
      if (readonly) return E.left(readonlyError())
      return importStoredRows(db, rows)
    },

    async streamVersion(streamId) {
      if (closed) return E.left(closedError())
      const checked = checkReadStream(streamId)
      if (E.isLeft(checked)) return checked
      try {
        return E.right(statements.streamHead(checked.right.streamId) ?? 'no-stream')
      } catch (e) {
        return E.left(asStoreError(e))
      }
    },

    async headPosition() {
      if (closed) return E.left(closedError())
      try {
        return E.right(statements.logHead())
      } catch (e) {
        return E.left(asStoreError(e))
      }
    },

    async close() {
      if (closed) return
      closed = true
      // Appends already accepted are committed, not dropped; reads ahead end.
      queue?.flush()
      await ahead.end()
      // A connection handed in belongs to the caller, who closes it; one of ours is left as one
      // self-contained file again (see closeConnection).
      closeConnection({ db, owned, readonly })
    },

    async backup(toPath) {
      if (closed) return E.left(closedError())
      return backUp(db, toPath)
    },
  }
}
