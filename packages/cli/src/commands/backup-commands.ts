/**
 * `backup <to>` and `copy <from> <to>`: an online copy of the log into a new file, e.g. for an
 * auditor's offline copy. Between SQLite files this is SQLite's backup API; between kinds of store
 * (SQLite ↔ PostgreSQL ↔ EventStoreDB) it waits for the stores' `copyLog`.
 *
 * @module
 */
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode, UsageError } from '../exit-code.js'
import { backupSqliteLog } from '../store/sqlite-backup.js'
import { parseStoreUrl } from '../store/store-url.js'
import { progressBar } from '../terminal/progress-bar.js'
import { renderTable } from '../terminal/table.js'
import type { Terminal } from '../terminal/terminal.js'
import { action, answer, failWith, type CliSession, type GlobalOptions } from './cli-session.js'

const copySqlite = async (terminal: Terminal, globals: GlobalOptions, from: string, fromField: string, to: string, toField: string): Promise<ExitCode> => {
  const source = parseStoreUrl(from, fromField)
  if (E.isLeft(source)) return failWith(terminal, globals, source.left)
  const target = parseStoreUrl(to, toField)
  if (E.isLeft(target)) return failWith(terminal, globals, target.left)
  if (source.right.kind !== 'sqlite' || target.right.kind !== 'sqlite') {
    return failWith(terminal, globals, new UsageError(source.right.kind !== 'sqlite' ? fromField : toField, 'this version copies between SQLite files only (sqlite:<file>)'))
  }
  const [from_, to_] = [source.right, target.right]
  const bar = progressBar(terminal, 'backup')
  const copied = await backupSqliteLog(from_.path, to_.path, (done, total) => bar.update(done, total), toField)
  bar.stop()
  if (E.isLeft(copied)) return failWith(terminal, globals, copied.left)
  answer(terminal, globals, { to: to_.path, headPosition: copied.right.headPosition, pages: copied.right.pages }, () =>
    renderTable(['copy', 'events (last position)', 'pages'], [[to_.path, copied.right.headPosition, copied.right.pages]]),
  )
  return ExitCode.ok
}

/**
 * Add `backup` and `copy` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerBackupCommands = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('backup')
    .description('copy the log (--store) online into a new file; reads the log, writes only <to>')
    .argument('<to>', 'the new file (sqlite:<file> or a path); must not exist')
    .action(action<[string], object>(session, (globals, _options, to) => copySqlite(terminal, globals, globals.store, '--store', to, '<to>')))
  program
    .command('copy')
    .description('copy a log from one store to another; writes only <to>, which must not exist')
    .argument('<from>', 'the store to copy (sqlite:<file>)')
    .argument('<to>', 'the new store (sqlite:<file>)')
    .action(action<[string, string], object>(session, (globals, _options, from, to) => copySqlite(terminal, globals, from, '<from>', to, '<to>')))
}
