/**
 * What every reading subcommand does first: open the log in the auditor's mode, open the read
 * models, bring them up to the log's head, and close everything again however the work ends.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ExitCode } from '../exit-code.js'
import { catchUp } from '../read-models/catch-up.js'
import { openReadModels, type ReadModelDatabase } from '../read-models/read-model-database.js'
import { openLog, type OpenedLog } from '../store/open-log.js'
import type { Terminal } from '../terminal/terminal.js'
import { failWith, type GlobalOptions } from './cli-session.js'

/**
 * Run `work` on the log (read-only) and read models caught up with it.
 * @category cli
 * @since 0.2.0
 */
export const withReadModels = async (
  terminal: Terminal,
  globals: GlobalOptions,
  work: (log: OpenedLog, models: ReadModelDatabase) => Promise<ExitCode>,
): Promise<ExitCode> =>
  withLog(terminal, globals, async (log) => {
    const models = openReadModels(globals.readModels, log.url)
    if (E.isLeft(models)) return failWith(terminal, globals, models.left)
    try {
      const caughtUp = await catchUp(log.store, models.right, terminal)
      if (E.isLeft(caughtUp)) return failWith(terminal, globals, caughtUp.left)
      return await work(log, models.right)
    } finally {
      await models.right.close()
    }
  })

/**
 * Run `work` on the log opened read-only (the auditor's mode).
 * @category cli
 * @since 0.2.0
 */
export const withLog = async (terminal: Terminal, globals: GlobalOptions, work: (log: OpenedLog) => Promise<ExitCode>, mode: 'read' | 'write' = 'read'): Promise<ExitCode> => {
  const log = await openLog(globals.store, mode, '--store')
  if (E.isLeft(log)) return failWith(terminal, globals, log.left)
  try {
    return await work(log.right)
  } finally {
    await log.right.store.close()
  }
}
