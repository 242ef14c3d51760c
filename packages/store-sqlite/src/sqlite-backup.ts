/**
 * The online backup (Sicherung im laufenden Betrieb) of the event log: a copy taken while writers
 * keep appending, through SQLite's backup API, which reads the log as one consistent snapshot —
 * every event committed when the copy began, including those still in the write-ahead log that a
 * plain file copy would lose. The copy is one self-contained file in rollback-journal mode that
 * any reader, the auditor's read-only mode included, opens without creating a file beside it.
 *
 * @module
 */
import { InvalidStoreInputError, StoreUnavailableError } from '@account-ownership/core'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { storeErrorOfSqlite } from './sqlite-errors.js'

/**
 * What a finished backup holds.
 * @category store
 * @since 0.2.0
 */
export interface SqliteBackup {
  /** The file written. */
  readonly path: string
  /** The global position of the last event in the copy (`0n` for an empty log). */
  readonly lastGlobalPosition: bigint
}

const targetProblem = (toPath: unknown): string | undefined => {
  if (typeof toPath !== 'string' || toPath.trim() === '') return 'expected the path of a new file'
  if (toPath.includes('\u0000') || toPath.trim() !== toPath || toPath === ':memory:') return 'expected the path of a new file, without NUL, padding or a special name'
  if (existsSync(toPath)) return 'a file of that name exists; a backup never overwrites one'
  const dir = dirname(resolve(toPath))
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return 'its directory does not exist'
  return undefined
}

// Every remaining page in one step: the copy is read in one transaction and so is one snapshot,
// where smaller steps would start over each time another writer commits, possibly forever.
const allAtOnce = () => 0x7fffffff

/**
 * Copy the log of connection `db` to a new file at `toPath`, as one consistent snapshot, while
 * others go on appending. A copy that fails half-way is removed again.
 * @category store
 * @since 0.2.0
 */
export const backUp = async (db: Database.Database, toPath: string): Promise<E.Either<InvalidStoreInputError | StoreUnavailableError, SqliteBackup>> => {
  const problem = targetProblem(toPath)
  if (problem !== undefined) return E.left(new InvalidStoreInputError('toPath', problem))
  try {
    await db.backup(toPath, { progress: allAtOnce })
    const copy = new Database(toPath)
    try {
      copy.pragma('journal_mode = DELETE')
      const head = copy.prepare('SELECT coalesce(max(global_position), 0) AS p FROM ao_events').safeIntegers(true).get() as { p: bigint }
      return E.right({ path: toPath, lastGlobalPosition: head.p })
    } finally {
      copy.close()
    }
  } catch (e) {
    rmSync(toPath, { force: true })
    rmSync(`${toPath}-journal`, { force: true })
    if (e instanceof TypeError && !/database connection is not open/.test(e.message)) return E.left(new InvalidStoreInputError('toPath', 'the backup could not be written there'))
    return E.left(storeErrorOfSqlite(e))
  }
}
