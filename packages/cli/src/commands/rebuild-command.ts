/**
 * `rebuild <projection>`: drop a read model's tables and apply the whole log again (Neuaufbau),
 * with a progress bar (done/total, rate, ETA). It writes the read models named by `--read-models`
 * — never the log — and so needs that option.
 *
 * @module
 */
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode, UsageError } from '../exit-code.js'
import { projectionNames, projectionsNamed } from '../read-models/auditor-projections.js'
import { catchUp } from '../read-models/catch-up.js'
import { openReadModels } from '../read-models/read-model-database.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { withLog } from './read-session.js'

/**
 * Add `rebuild` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerRebuildCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('rebuild')
    .description(`WRITES read models (--read-models, required): rebuild a projection from the whole log; one of ${projectionNames.join(', ')}`)
    .argument('<projection>', 'projection name, or all')
    .action(
      action<[string], object>(session, async (globals, _options, name) => {
        const projections = projectionsNamed(name)
        if (E.isLeft(projections)) return failWith(terminal, globals, projections.left)
        if (globals.readModels === undefined) return failWith(terminal, globals, new UsageError('--read-models', 'is required: rebuild writes read models into that file (the log itself is only read)'))
        return withLog(terminal, globals, async (log) => {
          const models = openReadModels(globals.readModels, log.url)
          if (E.isLeft(models)) return failWith(terminal, globals, models.left)
          try {
            const began = performance.now()
            const outcome = await catchUp(log.store, models.right, terminal, { projections: projections.right, rebuild: true, label: `rebuild ${name}` })
            if (E.isLeft(outcome)) return failWith(terminal, globals, outcome.left)
            const seconds = (performance.now() - began) / 1000
            const rate = seconds > 0 ? Math.round(outcome.right.done / seconds) : 0
            answer(terminal, globals, { rebuilt: projections.right.map((p) => p.name), events: outcome.right.done, position: outcome.right.position, seconds, eventsPerSecond: rate }, () =>
              renderTable(['rebuilt', 'events', 'position', 'seconds', 'events/s'], [[projections.right.map((p) => p.name).join(', '), outcome.right.done, outcome.right.position, seconds.toFixed(2), rate]]),
            )
            return ExitCode.ok
          } finally {
            await models.right.close()
          }
        })
      }),
    )
}
