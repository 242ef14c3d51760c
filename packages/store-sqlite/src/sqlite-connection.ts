/**
 * The connection to the file that holds the log: opened from a path or handed in by the caller,
 * checked before anything in it changes (a foreign file, a newer schema), then switched to WAL
 * with `synchronous = FULL` and migrated, unless it is the auditor's read-only connection.
 *
 * @module
 */
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { openErrorOfSqlite, SqliteOpenError } from './sqlite-errors.js'
import { checkSchema, migrate } from './sqlite-schema.js'

/**
 * Where the log lives: a file the store opens (and closes), or a connection the caller owns and
 * closes. `readonly: true` is the auditor's mode: the file is opened read-only and appends are
 * refused; a read-only connection handed in is always in that mode.
 * @category store
 * @since 0.1.0
 */
export type SqliteConnectionOptions = {
  /** How long an append waits for another writer's lock, in milliseconds; 5000 by default. */
  readonly busyTimeoutMs?: number
} & ({ readonly path: string; readonly readonly?: boolean } | { readonly database: Database.Database; readonly readonly?: boolean })

/**
 * An open connection and what the store may do with it.
 * @category store
 * @since 0.1.0
 */
export interface SqliteConnection {
  readonly db: Database.Database
  /** Whether the store opened it, and so closes it. */
  readonly owned: boolean
  /** The auditor's mode: nothing is written. */
  readonly readonly: boolean
}

const connect = (options: SqliteConnectionOptions): E.Either<SqliteOpenError, SqliteConnection> => {
  const timeout = options.busyTimeoutMs
  const path = 'path' in options ? options.path : undefined
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout >= 0 && timeout <= 0x7fffffff)) {
    return E.left(new SqliteOpenError('cannot-open', path, `busyTimeoutMs must be an integer from 0 to 2147483647, got ${timeout}`))
  }
  if ('database' in options) {
    const readonly = options.readonly === true || options.database.readonly
    try {
      if (timeout !== undefined) options.database.pragma(`busy_timeout = ${timeout}`)
    } catch (e) {
      return E.left(openErrorOfSqlite(e, path))
    }
    return E.right({ db: options.database, owned: false, readonly })
  }
  const readonly = options.readonly === true
  try {
    const db = new Database(options.path, { readonly, fileMustExist: readonly, timeout: timeout ?? 5000 })
    return E.right({ db, owned: true, readonly })
  } catch (e) {
    return E.left(openErrorOfSqlite(e, path))
  }
}

// Reads first and writes only once the file is known to be ours to write: a foreign file or one
// of a newer schema is left byte for byte as it was.
const prepareFile = (connection: SqliteConnection, path: string | undefined): E.Either<SqliteOpenError, void> => {
  const { db, readonly } = connection
  try {
    const checked = checkSchema(db, path, readonly)
    if (E.isLeft(checked)) return checked
    if (readonly) return E.right(undefined)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    const migrated = migrate(db, path)
    return E.isLeft(migrated) ? migrated : E.right(undefined)
  } catch (e) {
    return E.left(openErrorOfSqlite(e, path))
  }
}

/**
 * Open the connection the options name and make its file ready for the store; on failure,
 * nothing in the file has changed and a connection the store opened is closed again.
 * @category store
 * @since 0.1.0
 */
export const openConnection = (options: SqliteConnectionOptions): E.Either<SqliteOpenError, SqliteConnection> => {
  const path = 'path' in options ? options.path : undefined
  const connected = connect(options)
  if (E.isLeft(connected)) return connected
  const prepared = prepareFile(connected.right, path)
  if (E.isRight(prepared)) return connected
  if (connected.right.owned) connected.right.db.close()
  return prepared
}
