/**
 * An online copy of a SQLite log (Sicherung) with SQLite's backup API (better-sqlite3's
 * `backup`): consistent while writers append, including what is still in the WAL, which copying
 * the file would lose. It reads the log and writes only the new file, which must not exist yet;
 * the copy is then opened as an event log and its head read back.
 *
 * @module
 */
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync } from 'node:fs'
import { CommandFailedError, UsageError, type CliError } from '../exit-code.js'

/**
 * What a backup wrote.
 * @category store
 * @since 0.2.0
 */
export interface BackupOutcome {
  /** The last global position in the copy. */
  readonly headPosition: bigint
  readonly pages: number
}

/**
 * Copy the SQLite log at `from` to the new file `to`, reporting pages copied of the total.
 * @category store
 * @since 0.2.0
 * @example
 * const copied = await backupSqliteLog('kunden.db', 'kunden-2026-03-12.db', () => undefined)
 */
export const backupSqliteLog = async (from: string, to: string, onProgress: (done: number, total: number) => void, toField = '<to>'): Promise<E.Either<CliError, BackupOutcome>> => {
  if (existsSync(to)) return E.left(new UsageError(toField, 'the file exists already; a backup never overwrites'))
  let source: Database.Database
  try {
    source = new Database(from, { readonly: true, fileMustExist: true })
  } catch {
    return E.left(new UsageError('--store', 'cannot be opened as a SQLite file'))
  }
  let pages = 0
  try {
    await source.backup(to, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages
        onProgress(totalPages - remainingPages, totalPages)
        return 256
      },
    })
  } catch (cause) {
    return E.left(new CommandFailedError(`the backup failed (${(cause as { code?: string }).code ?? 'error'})`, 3, { cause }))
  } finally {
    source.close()
  }
  const copy = openSqliteEventStore({ path: to, readonly: true })
  if (E.isLeft(copy)) return E.left(new CommandFailedError(`the copy does not open as an event log (${copy.left.reason})`))
  try {
    const head = await copy.right.headPosition()
    return E.isLeft(head) ? E.left(new CommandFailedError(`the copy cannot be read: ${head.left.message}`)) : E.right({ headPosition: head.right, pages })
  } finally {
    await copy.right.close()
  }
}
