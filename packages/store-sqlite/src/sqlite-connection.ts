/**
 * The connection to the file that holds the log: opened from a path or handed in by the caller,
 * checked before anything in it changes (bad options, a read-only file, a foreign database, a
 * newer schema), then switched to WAL with `synchronous = FULL` and migrated where needed —
 * unless it is the auditor's connection, which writes nothing anywhere (see `sqlite-auditor.ts`).
 *
 * @module
 */
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { openForReading } from './sqlite-auditor.js'
import { openErrorOfSqlite, SqliteOpenError } from './sqlite-errors.js'
import { checkSqliteOptions, type CheckedSqliteOptions } from './sqlite-open-options.js'
import { checkSchema, knownSchemaVersion, migrate } from './sqlite-schema.js'

/**
 * Where the log lives: a file the store opens (and closes), or a connection the caller owns and
 * closes. `readonly: true` is the auditor's mode: the file is opened read-only and appends are
 * refused; a read-only connection handed in is always in that mode. On a connection handed in, the
 * store writes only while the caller holds no transaction on it: an append or import meanwhile is
 * refused (`StoreUnavailableError`), since it would be committed, or rolled back, only with the
 * caller's transaction, after the store acknowledged it.
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

// A writer needs the file and its directory (where SQLite keeps the -wal and -shm files) to be
// writable. Asked up front, so that a read-only file is refused at open instead of at the first
// append; a file without any write permission bit counts as read-only even for root.
const writeProblem = (path: string): string | undefined => {
  const writable = (p: string) => {
    try {
      accessSync(p, constants.W_OK)
      return true
    } catch {
      return false
    }
  }
  if (existsSync(path) && ((statSync(path).mode & 0o222) === 0 || !writable(path))) return 'the file may not be written; open it with readonly: true to read it'
  const dir = dirname(resolve(path))
  if (existsSync(dir) && !writable(dir)) return 'its directory may not be written (SQLite keeps its write-ahead log beside the file); open it with readonly: true to read it'
  return undefined
}

const connect = (options: CheckedSqliteOptions): E.Either<SqliteOpenError, SqliteConnection> => {
  const timeout = options.busyTimeoutMs
  if ('database' in options) {
    const readonly = options.readonly || options.database.readonly
    try {
      if (timeout !== undefined) options.database.pragma(`busy_timeout = ${timeout}`)
    } catch (e) {
      return E.left(openErrorOfSqlite(e, undefined))
    }
    return E.right({ db: options.database, owned: false, readonly })
  }
  const { path, readonly } = options
  if (readonly) {
    const opened = openForReading(path, timeout ?? 5000)
    return E.isLeft(opened) ? opened : E.right({ db: opened.right, owned: true, readonly })
  }
  const problem = writeProblem(path)
  if (problem !== undefined) return E.left(new SqliteOpenError('read-only-file', path, problem))
  try {
    return E.right({ db: new Database(path, { timeout: timeout ?? 5000 }), owned: true, readonly })
  } catch (e) {
    return E.left(openErrorOfSqlite(e, path))
  }
}

// Reads first and writes only once the file is known to be ours to write: a foreign file or one
// of a newer schema is left byte for byte as it was. A file already in WAL at the current schema
// needs no lock at all, so opening never waits for another process's append.
const prepareFile = (connection: SqliteConnection, path: string | undefined): E.Either<SqliteOpenError, void> => {
  const { db, readonly } = connection
  try {
    const checked = checkSchema(db, path, readonly, { foreignTables: !connection.owned })
    if (E.isLeft(checked)) return checked
    if (readonly) return E.right(undefined)
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') {
      db.pragma('journal_mode = WAL')
      // A read opens the -wal and -shm files now: they are how an auditor opening next sees
      // that a writer is at work (see sqlite-auditor.ts).
      db.prepare('SELECT count(*) FROM sqlite_master').get()
    }
    db.pragma('synchronous = FULL')
    if (checked.right === knownSchemaVersion) return E.right(undefined)
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
  const checked = checkSqliteOptions(options)
  if (E.isLeft(checked)) return checked
  const path = 'path' in checked.right ? checked.right.path : undefined
  const connected = connect(checked.right)
  if (E.isLeft(connected)) return connected
  const prepared = prepareFile(connected.right, path)
  if (E.isRight(prepared)) return connected
  if (connected.right.owned) connected.right.db.close()
  return prepared
}

/**
 * Close a connection the store opened. A writer folds the write-ahead log back into the file and,
 * when it is the last connection, returns the file to SQLite's rollback journal, so that a closed
 * log is one self-contained file that an auditor can read without creating any file beside it.
 * Neither step waits for other connections; the last writer to close does them.
 * @category store
 * @since 0.2.0
 */
export const closeConnection = ({ db, owned, readonly }: SqliteConnection): void => {
  if (!owned) return
  if (!readonly) {
    try {
      db.pragma('busy_timeout = 0')
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.pragma('journal_mode = DELETE')
    } catch {
      // Another connection still reads or writes; the last one to close does this.
    }
  }
  db.close()
}
