/**
 * `erase <subject> --reason <ground> --by <principal> --tenant <id> --keys <file> [--kek <file>] --write`:
 * erasure (Löschung, Art. 17 DSGVO) by destroying the subject's keys in the key store, recorded
 * as `PersonalDataErased` in the log. Writes to the key store and the log, so it needs `--write`.
 * With `--kek`, the key store's keys are wrapped under the key-encryption keys in that file, and
 * the erasure rotates them and retires the old one, so that copies of the key store taken before
 * no longer give the erased key back.
 *
 * @module
 */
import { ErasureGround, instantOf, SubjectId } from '@account-ownership/core'
import { erase, type ErasureError } from '@account-ownership/dsgvo'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { CommandFailedError, ExitCode, UsageError } from '../exit-code.js'
import { parseInstant } from '../terminal/instant-option.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { kekProblemOf } from './kek-problem.js'
import { openKeyStoreFile } from './key-store-file.js'
import { withLog } from './read-session.js'

interface EraseOptions {
  readonly reason: string
  readonly by: string
  readonly tenant: string
  readonly keys: string
  readonly kek?: string
  readonly at?: string
  readonly write?: boolean
}

const grounds = Object.keys(ErasureGround.keys)

// Bad input is the caller's to fix, named by the option; other failures are the store's.
const failureOf = (e: ErasureError) => {
  if (e._tag === 'InvalidStoreInputError') return new UsageError(e.field === 'subjectId' ? '<subject>' : e.field, e.reason)
  return kekProblemOf(e) ?? new CommandFailedError(e.message, ExitCode.failure, { cause: e })
}

/**
 * Add `erase` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerEraseCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('erase')
    .description("WRITES to the key store and the log (needs --write): erase a data subject's personal data (Art. 17) by destroying their keys")
    .argument('<subject>', 'subject id: principal:<id>, stakeholder:<id> or account:<id> (a sole trader)')
    .requiredOption('--reason <ground>', `legal ground: ${grounds.join(', ')}`)
    .requiredOption('--by <principal>', 'who erases (recorded)')
    .requiredOption('--tenant <id>', 'the tenant')
    .requiredOption('--keys <file>', "the SQLite key store holding the subjects' keys")
    .option('--kek <file>', 'the key-encryption key file the key store wraps its keys under (rotated by the erasure)')
    .option('--at <time>', 'business time of the erasure (ISO 8601); now by default')
    .option('--write', 'destroy the keys and record the erasure (required)')
    .action(
      action<[string], EraseOptions>(session, async (globals, options, subject) => {
        if (!SubjectId.is(subject)) return failWith(terminal, globals, new UsageError('<subject>', 'expected principal:<id>, stakeholder:<id> or account:<id>'))
        if (!ErasureGround.is(options.reason)) return failWith(terminal, globals, new UsageError('--reason', `expected one of ${grounds.join(', ')}`))
        const at = options.at === undefined ? E.right(instantOf(Date.now())) : parseInstant(options.at, '--at')
        if (E.isLeft(at)) return failWith(terminal, globals, at.left)
        if (options.write !== true) return failWith(terminal, globals, new UsageError('--write', 'is required: erase destroys keys and appends to the log'))
        // Before the log opens for writing: a --keys that is no key store leaves the log as it was.
        const opened = openKeyStoreFile(options.keys, options.kek)
        if (E.isLeft(opened)) return failWith(terminal, globals, opened.left)
        const keys = opened.right
        return withLog(
          terminal,
          globals,
          async ({ store }) => {
            const erased = await erase({ store, keys }, subject, { by: options.by as never, legalGround: options.reason as ErasureGround, at: at.right, tenantId: options.tenant as never })
            if (E.isLeft(erased)) return failWith(terminal, globals, failureOf(erased.left))
            const { keysDestroyed } = erased.right.data
            answer(terminal, globals, { subjectId: subject, keysDestroyed, position: erased.right.metadata.globalPosition }, () =>
              renderTable(['erased', 'keys destroyed', 'recorded at position'], [[subject, keysDestroyed, erased.right.metadata.globalPosition]]),
            )
            return ExitCode.ok
          },
          'write',
        ).finally(() => keys.close())
      }),
    )
}
