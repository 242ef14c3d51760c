/**
 * What SQLite can say when the event log (Ereignisprotokoll) is written or read, in the store's
 * words. A driver failure becomes core's `StoreUnavailableError`, whose `retryable` says whether
 * trying again can help: a busy or locked file can, and so can a full disk once space is freed; a
 * corrupt or read-only one cannot.
 * Opening a file has failures of its own (not a database, a newer schema), kept in
 * `SqliteOpenError` so that a caller can tell them apart before any event moves.
 *
 * @module
 */
import { StoreUnavailableError, TaggedError, type FieldProblem } from '@account-ownership/core'

/**
 * Why a SQLite file could not be opened as an event store.
 * - `not-a-database`: the file is something else (SQLITE_NOTADB);
 * - `newer-schema`: a newer release of this library wrote it; this one does not know its tables;
 * - `older-schema`: the file needs a migration, but it was opened read-only;
 * - `not-an-event-store`: the database has tables, but none of the event store's (or, opened
 *   read-only, none at all);
 * - `invalid-options`: an option is missing or of the wrong kind; `problems` names each field
 *   (since 0.2.0);
 * - `read-only-file`: opened for writing, but the file or its directory may not be written (no
 *   write permission, read-only media); open it with `readonly: true` (since 0.2.0);
 * - `cannot-open`: the file or its directory cannot be opened (missing, permissions);
 * - `unavailable`: SQLite failed while opening (busy, locked, I/O, corrupt); see `retryable`.
 * @category errors
 * @since 0.1.0
 */
export type SqliteOpenErrorReason =
  | 'not-a-database'
  | 'newer-schema'
  | 'older-schema'
  | 'not-an-event-store'
  | 'invalid-options'
  | 'read-only-file'
  | 'cannot-open'
  | 'unavailable'

/**
 * A SQLite file could not be opened as an event store; the file was left as it was.
 * @category errors
 * @since 0.1.0
 */
export class SqliteOpenError extends TaggedError('SqliteOpenError') {
  readonly reason: SqliteOpenErrorReason
  /** The file, or `undefined` for a database handed in by the caller. */
  readonly path: string | undefined
  /** Whether opening again later can succeed (a busy or locked file). */
  readonly retryable: boolean
  /**
   * The options that were refused, each by field, never repeating the value (`invalid-options`
   * only; empty otherwise).
   * @since 0.2.0
   */
  readonly problems: ReadonlyArray<FieldProblem>
  constructor(
    reason: SqliteOpenErrorReason,
    path: string | undefined,
    detail: string,
    options?: { retryable?: boolean; cause?: unknown; problems?: ReadonlyArray<FieldProblem> },
  ) {
    super(`cannot open ${path ?? 'the given database'} as an event store (${reason}): ${detail}`, options)
    this.reason = reason
    this.path = path
    this.retryable = options?.retryable ?? false
    this.problems = options?.problems ?? []
  }
}

// Primary result codes (the part before the first '_' after 'SQLITE') and whether a retry helps.
// BUSY/LOCKED: another connection holds the lock longer than the busy timeout. PROTOCOL: a WAL
// lock race SQLite itself gives up on. INTERRUPT: the statement was interrupted. FULL: the disk
// is full; SQLite rolled the transaction back, and once space is freed the same append succeeds.
// The rest need a person: a corrupt or foreign file, failing I/O, a read-only file, missing memory.
const retryableByCode: Readonly<Record<string, boolean>> = {
  SQLITE_BUSY: true,
  SQLITE_LOCKED: true,
  SQLITE_PROTOCOL: true,
  SQLITE_INTERRUPT: true,
  SQLITE_READONLY: false,
  SQLITE_CORRUPT: false,
  SQLITE_NOTADB: false,
  SQLITE_FULL: true,
  SQLITE_IOERR: false,
  SQLITE_CANTOPEN: false,
  SQLITE_NOMEM: false,
  SQLITE_CONSTRAINT: false,
}

/**
 * The SQLite result code of a driver failure (`SQLITE_BUSY_SNAPSHOT`, …), or `undefined` when the
 * value did not come from SQLite.
 * @category errors
 * @since 0.1.0
 */
export const sqliteCodeOf = (e: unknown): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

const primaryCode = (code: string): string => {
  const known = Object.keys(retryableByCode).find((c) => code === c || code.startsWith(`${c}_`))
  return known ?? code
}

// better-sqlite3 throws a TypeError of its own for a statement on a closed connection.
const isClosedConnection = (e: unknown): boolean => e instanceof TypeError && /database connection is not open/.test(e.message)

/**
 * Whether a thrown value is a failure of SQLite or of its connection, as opposed to a bug.
 * @category errors
 * @since 0.1.0
 */
export const isSqliteFailure = (e: unknown): boolean => sqliteCodeOf(e) !== undefined || isClosedConnection(e)

/**
 * Whether an insert was refused because its event id is already recorded (UNIQUE on
 * `ao_events.event_id`): the sign of a repeated append.
 * @category errors
 * @since 0.1.0
 */
export const isRecordedEventId = (e: unknown): boolean =>
  sqliteCodeOf(e) === 'SQLITE_CONSTRAINT_UNIQUE' && e instanceof Error && e.message.includes('ao_events.event_id')

/**
 * The store error of a SQLite failure: a `StoreUnavailableError` naming the code, retryable
 * where waiting can help.
 * @category errors
 * @since 0.1.0
 */
export const storeErrorOfSqlite = (e: unknown): StoreUnavailableError => {
  const message = e instanceof Error ? e.message : String(e)
  if (isClosedConnection(e)) return new StoreUnavailableError(`the SQLite connection is closed: ${message}`, false, { cause: e })
  const code = sqliteCodeOf(e) ?? 'SQLITE_UNKNOWN'
  return new StoreUnavailableError(`${code}: ${message}`, retryableByCode[primaryCode(code)] ?? false, { cause: e })
}

/**
 * The refusal of a write on a connection the caller handed in while it holds a transaction of its
 * own: the write would run as a savepoint of it, so it would be committed only with the caller's
 * transaction, and rolled back with it — after it was acknowledged. Not retryable as it stands:
 * the caller must write outside its transaction.
 * @category errors
 * @since 0.4.0
 */
export const callersTransactionError = (): StoreUnavailableError =>
  new StoreUnavailableError('the connection holds a transaction of its own: the store writes only outside it, so that what it acknowledges is committed', false)

/**
 * The open error of a SQLite failure while opening a file.
 * @category errors
 * @since 0.1.0
 */
export const openErrorOfSqlite = (e: unknown, path: string | undefined): SqliteOpenError => {
  const code = sqliteCodeOf(e)
  const message = e instanceof Error ? e.message : String(e)
  if (code === 'SQLITE_NOTADB') return new SqliteOpenError('not-a-database', path, message, { cause: e })
  if (code !== undefined && primaryCode(code) === 'SQLITE_CANTOPEN') return new SqliteOpenError('cannot-open', path, message, { cause: e })
  if (code === undefined && e instanceof TypeError) return new SqliteOpenError('cannot-open', path, message, { cause: e })
  return new SqliteOpenError('unavailable', path, `${code ?? 'unknown'}: ${message}`, { retryable: storeErrorOfSqlite(e).retryable, cause: e })
}
