/**
 * `kpis [--from] [--to] [--unit]`: the key figures (Kennzahlen) of ownership — accounts per owner,
 * transfers per period and reason, how long four-eyes decisions took, and time spent orphaned.
 *
 * @module
 */
import { instantOf } from '@account-ownership/core'
import { accountsPerOwner, timeOrphaned, transferDecisionTimes, transfersPerPeriod, type PeriodUnit } from '@account-ownership/projections'
import { Option, type Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode, UsageError } from '../exit-code.js'
import { parseInstant } from '../terminal/instant-option.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { usageOfQuery } from './query-failure.js'
import { withReadModels } from './read-session.js'

const hours = (ms: number) => (ms / 3_600_000).toFixed(1)

/**
 * Add `kpis` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerKpisCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('kpis')
    .description('key figures: accounts per owner, transfers per period and reason, decision times, time orphaned')
    .option('--from <time>', 'start of the window (ISO 8601 time or date); the beginning of time by default')
    .option('--to <time>', 'end of the window, exclusive; now by default')
    .addOption(new Option('--unit <unit>', 'period of the transfer counts').choices(['year', 'month', 'day']).default('month'))
    .action(
      action<[], { from?: string; to?: string; unit: PeriodUnit }>(session, async (globals, options) => {
        const from = options.from === undefined ? E.right(instantOf(0)) : parseInstant(options.from, '--from')
        if (E.isLeft(from)) return failWith(terminal, globals, from.left)
        const to = options.to === undefined ? E.right(instantOf(Date.now())) : parseInstant(options.to, '--to')
        if (E.isLeft(to)) return failWith(terminal, globals, to.left)
        // An empty window would answer "no transfers" as if that had been found.
        if (to.right <= from.right) return failWith(terminal, globals, new UsageError('--to', 'must lie after --from'))
        return withReadModels(terminal, globals, async (_log, { db }) => {
          const window = { from: from.right, to: to.right }
          const transfers = await transfersPerPeriod(db, window, options.unit)
          const decisions = await transferDecisionTimes(db, window)
          const orphaned = await timeOrphaned(db, to.right)
          if (E.isLeft(transfers)) return failWith(terminal, globals, usageOfQuery('--from/--to', transfers.left))
          if (E.isLeft(decisions)) return failWith(terminal, globals, usageOfQuery('--from/--to', decisions.left))
          if (E.isLeft(orphaned)) return failWith(terminal, globals, usageOfQuery('--to', orphaned.left))
          const perOwner = await accountsPerOwner(db)
          const kpis = { window, accountsPerOwner: perOwner, transfersPerPeriod: transfers.right, transferDecisionTimes: decisions.right, timeOrphaned: orphaned.right }
          answer(terminal, globals, kpis, () =>
            [
              'Accounts per owner\n' + renderTable(['owner', 'open accounts'], perOwner.map((o) => [o.ownerId, o.accounts])),
              `Transfers per ${options.unit}\n` + renderTable(['period', 'reason', 'transfers'], transfers.right.map((t) => [t.period, t.reasonCode, t.transfers])),
              'Four-eyes decisions\n' + renderTable(['reason', 'approved', 'rejected', 'average h', 'longest h'], decisions.right.map((d) => [d.reasonCode, d.approved, d.rejected, hours(d.averageMillis), hours(d.longestMillis)])),
              'Time orphaned\n' + renderTable(['account', 'spells', 'orphaned h', 'orphaned now'], orphaned.right.map((o) => [o.accountId, o.spells, hours(o.orphanedMillis), o.orphanedAt ? 'yes' : 'no'])),
            ].join('\n'),
          )
          return ExitCode.ok
        })
      }),
    )
}
