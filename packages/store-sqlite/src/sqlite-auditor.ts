/**
 * The auditor's connection (Prüfermodus): it reads the log and writes nothing, anywhere — no
 * byte of the file changes and no file appears beside it, so an auditor can work on a copy on
 * read-only media, or as another OS user, without disturbing the application.
 *
 * SQLite creates a `-wal` and a `-shm` file when a connection reads a file in WAL mode that has
 * none. So the writers of this store leave a closed log in rollback-journal mode (see
 * `closeConnection`), which a read-only connection reads creating nothing. A live log — a writer
 * is at work, its `-wal` and `-shm` exist — is read through them, so each query sees one
 * consistent snapshot of everything committed (like every reader, it marks its snapshot in the
 * writer's shared-memory index `-shm`; the log and its write-ahead log are not touched). A file left in WAL mode without a `-wal` (by
 * release 0.1.0, or by a connection handed in) is read from an image of the file in memory.
 * SQLite's own answers to this — `file:…?immutable=1`, `?mode=ro&readonly_shm=1` — are URI
 * filenames, which better-sqlite3 13 does not enable (built with `SQLITE_USE_URI=0`, opened
 * without `SQLITE_OPEN_URI`: a `file:` name is taken literally).
 *
 * @module
 */
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, type BigIntStats } from 'node:fs'
import { openErrorOfSqlite, SqliteOpenError } from './sqlite-errors.js'

// Bytes 18 and 19 of a SQLite header (file format write and read version) are 2 in WAL mode.
const inWalMode = (path: string): boolean => {
  const header = Buffer.alloc(20)
  const fd = openSync(path, 'r')
  try {
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2
  } finally {
    closeSync(fd)
  }
}

const sameFile = (a: BigIntStats, b: BigIntStats): boolean =>
  a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs

// A WAL file without a -wal holds everything in itself, but SQLite would create the -wal (and
// -shm) to read it. Read it into memory instead, as rollback mode, and make sure no writer
// changed it while it was read (a writer's checkpoint is the only thing that writes to it).
const memoryImage = (path: string): E.Either<SqliteOpenError, Database.Database> => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = statSync(path, { bigint: true })
    const bytes = readFileSync(path)
    if (!sameFile(before, statSync(path, { bigint: true })) || existsSync(`${path}-wal`)) continue
    bytes[18] = 1
    bytes[19] = 1
    return E.right(new Database(bytes, { readonly: true }))
  }
  return E.left(new SqliteOpenError('unavailable', path, 'a writer changed the file while it was being read; try again', { retryable: true }))
}

/**
 * Whether a read-only connection can read the existing file at `path` in place creating nothing:
 * a file in WAL mode without its `-wal` can be read only from an image in memory, and one with
 * a `-wal` but no `-shm` not at all.
 * @category store
 * @since 0.4.0
 */
export const readableInPlace = (path: string): 'yes' | 'from-an-image' | 'no' => {
  if (!statSync(path).isFile() || !inWalMode(path)) return 'yes'
  if (!existsSync(`${path}-wal`)) return 'from-an-image'
  return existsSync(`${path}-shm`) ? 'yes' : 'no'
}

/**
 * Open the file at `path` for reading only, creating and changing nothing: read-only and in
 * place where SQLite can read it that way, else from an image in memory.
 * @category store
 * @since 0.2.0
 */
export const openForReading = (path: string, busyTimeoutMs: number): E.Either<SqliteOpenError, Database.Database> => {
  try {
    if (!existsSync(path)) return E.left(new SqliteOpenError('cannot-open', path, 'the file does not exist, and the auditor creates none'))
    switch (readableInPlace(path)) {
      case 'from-an-image':
        return memoryImage(path)
      case 'no':
        return E.left(new SqliteOpenError('unavailable', path, 'the write-ahead log (-wal) lies beside the file without its index (-shm); open the file once writable to fold it in'))
      case 'yes':
        return E.right(new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs }))
    }
  } catch (e) {
    // A failure of the file system (EACCES, EISDIR, …) before SQLite was asked.
    const code = (e as { code?: unknown } | null)?.code
    if (typeof code === 'string' && !code.startsWith('SQLITE_')) return E.left(new SqliteOpenError('cannot-open', path, `the file cannot be read (${code})`, { cause: e }))
    return E.left(openErrorOfSqlite(e, path))
  }
}
