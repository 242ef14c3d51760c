/**
 * `backup <to>` and `copy <from> <to>`: an auditor's offline copy of the log. `backup` is the
 * SQLite store's online backup (one consistent snapshot while writers append, into a new file it
 * never overwrites). `copy` moves a log between any two stores — SQLite, PostgreSQL and
 * EventStoreDB — with core's `copyLog`: every row as stored (ids, versions, times, chain hashes;
 * positions too, except where EventStoreDB gives its own), verified at the end; a copy that
 * stopped resumes when run again. Both only read the source. A log without events is refused
 * (exit code 2, nothing written), as `import` refuses a file without rows: a copy of nothing
 * would pass for a backup, and an empty log is mostly the wrong one named (a mistyped schema, a
 * new file).
 *
 * @module
 */
import { copyLog, type EventStore } from '@account-ownership/core'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { CommandFailedError, ExitCode, failedRead, UsageError, type CliError } from '../exit-code.js'
import { openLog } from '../store/open-log.js'
import { parseStoreUrl } from '../store/store-url.js'
import { progressBar } from '../terminal/progress-bar.js'
import { renderTable } from '../terminal/table.js'
import type { Terminal } from '../terminal/terminal.js'
import { action, answer, failWith, type CliSession, type GlobalOptions } from './cli-session.js'
import { withLog } from './read-session.js'

/* `undefined` where the log holds events; else why there is nothing to copy, naming the option or argument `field`. */
const nothingToCopy = async (store: EventStore, field: string, what: string): Promise<CliError | undefined> => {
  const head = await store.headPosition()
  if (E.isLeft(head)) return failedRead('the log could not be read', head.left)
  return head.right === 0n ? new UsageError(field, `the log holds no events; there is nothing to ${what}`) : undefined
}

const backup = (terminal: Terminal, globals: GlobalOptions, to: string): Promise<ExitCode> => {
  const target = parseStoreUrl(to, '<to>')
  if (E.isLeft(target)) return Promise.resolve(failWith(terminal, globals, target.left))
  if (target.right.kind !== 'sqlite') return Promise.resolve(failWith(terminal, globals, new UsageError('<to>', 'a backup is a SQLite file (sqlite:<file>); use copy for other stores')))
  const path = target.right.path
  return withLog(terminal, globals, async ({ sqlite }) => {
    if (sqlite === undefined) return failWith(terminal, globals, new UsageError('--store', 'backup takes a SQLite log; use copy for other stores'))
    const empty = await nothingToCopy(sqlite, '--store', 'back up')
    if (empty !== undefined) return failWith(terminal, globals, empty)
    const copied = await sqlite.backup(path)
    if (E.isLeft(copied)) {
      const e = copied.left
      return failWith(terminal, globals, e._tag === 'InvalidStoreInputError' ? new UsageError('<to>', e.reason) : new CommandFailedError(`the backup failed: ${e.message}`))
    }
    answer(terminal, globals, { to: path, headPosition: copied.right.lastGlobalPosition }, () => renderTable(['backup', 'events (last position)'], [[path, copied.right.lastGlobalPosition]]))
    return ExitCode.ok
  })
}

const copy = async (terminal: Terminal, globals: GlobalOptions, from: string, to: string): Promise<ExitCode> => {
  const source = await openLog(from, 'read', '<from>')
  if (E.isLeft(source)) return failWith(terminal, globals, source.left)
  try {
    // Asked before the target is opened: opening it may create it.
    const empty = await nothingToCopy(source.right.store, '<from>', 'copy')
    if (empty !== undefined) return failWith(terminal, globals, empty)
    const target = await openLog(to, 'write', '<to>')
    if (E.isLeft(target)) return failWith(terminal, globals, target.left)
    try {
      const into = target.right.importing
      if (into === undefined) return failWith(terminal, globals, new UsageError('<to>', 'this store cannot take a copied log'))
      const bar = progressBar(terminal, 'copy')
      const copied = await copyLog({ from: source.right.store, to: into, onProgress: (done, total) => bar.update(Number(done), Number(total)) })
      bar.stop()
      if (E.isLeft(copied)) {
        const e = copied.left
        const finding = e._tag === 'CopyMismatchError' || e._tag === 'CorruptEventError'
        return failWith(terminal, globals, new CommandFailedError(`the copy stopped: ${e.message}${finding ? '' : '; run the same copy again to resume'}`, finding ? ExitCode.finding : ExitCode.failure, { cause: e }))
      }
      const r = copied.right
      answer(terminal, globals, r, () => renderTable(['copied', 'resumed from', 'head', 'verified'], [[r.copied, r.resumedFrom, r.head, r.verified]]))
      return ExitCode.ok
    } finally {
      await target.right.store.close()
    }
  } finally {
    await source.right.store.close()
  }
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
    .description('copy the SQLite log (--store) online into a new file; reads the log, writes only <to>, never overwrites')
    .argument('<to>', 'the new file (sqlite:<file> or a path)')
    .action(action<[string], object>(session, (globals, _options, to) => backup(terminal, globals, to)))
  program
    .command('copy')
    .description('copy a log between stores (SQLite, PostgreSQL, EventStoreDB) row by row as stored, verified at the end; writes only <to>, resumes a stopped copy')
    .argument('<from>', 'the store to copy (sqlite:<file>, postgres://… or esdb://…)')
    .argument('<to>', 'the store to copy into: new, or a copy that stopped (sqlite:<file>, postgres://… or esdb://…)')
    .action(
      action<[string, string], object>(session, (globals, _options, from, to) => copy(terminal, globals, from, to)),
    )
}
