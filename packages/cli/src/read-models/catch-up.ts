/**
 * Bringing the read models up to the log's head before a question is answered, with a progress
 * bar on a terminal. A failure (a corrupt event, a store that stops answering) ends the command.
 *
 * @module
 */
import type { EventStore } from '@account-ownership/core'
import { projectionRuntime, type Projection, type RunOutcome } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { CommandFailedError, failedRead } from '../exit-code.js'
import { progressBar } from '../terminal/progress-bar.js'
import type { Terminal } from '../terminal/terminal.js'
import { auditorProjections, type AuditorTables } from './auditor-projections.js'
import type { ReadModelDatabase } from './read-model-database.js'

/**
 * How to run the projections: catch up (the default) or rebuild from zero.
 * @category read models
 * @since 0.2.0
 */
export interface CatchUpOptions {
  readonly projections?: ReadonlyArray<Projection<AuditorTables>>
  readonly rebuild?: boolean
  readonly label?: string
}

/**
 * Apply the log to the read models up to its head now.
 * @category read models
 * @since 0.2.0
 */
export const catchUp = async (store: EventStore, models: ReadModelDatabase, terminal: Terminal, options: CatchUpOptions = {}): Promise<E.Either<CommandFailedError, RunOutcome>> => {
  const bar = progressBar(terminal, options.label ?? 'read models')
  const runtime = projectionRuntime<AuditorTables>({
    store,
    db: models.db,
    projections: options.projections ?? auditorProjections,
    onProgress: (p) => bar.update(p.done, p.total),
  })
  const outcome = options.rebuild === true ? await runtime.rebuild() : await runtime.runUntilCaughtUp()
  bar.stop()
  if (E.isRight(outcome)) return outcome
  return E.left(failedRead('the read models could not follow the log', outcome.left))
}
