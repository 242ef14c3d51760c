/**
 * `history <account>`: the ownership periods of an account (who, from, to, how it began and
 * ended, the reason), as a table, JSON, CSV, or a self-contained HTML timeline of owners, team,
 * grants, archives and offboardings.
 *
 * @module
 */
import { instantOf } from '@account-ownership/core'
import { ownershipHistory } from '@account-ownership/projections'
import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode } from '../exit-code.js'
import { jsonText } from '../terminal/json-text.js'
import { renderTable } from '../terminal/table.js'
import { timelinePage } from '../timeline/timeline-page.js'
import { readAccountTimeline } from '../timeline/read-account-timeline.js'
import { action, failWith, type CliSession } from './cli-session.js'
import { unknownAccount } from './unknown-account.js'
import { usageOfQuery } from './query-failure.js'
import { withLog, withReadModels } from './read-session.js'
import { deliver, formatOf, formatOption, outputOption } from './report-output.js'

const head = ['owner', 'from', 'to', 'began with', 'reason', 'transfer', 'by', 'ended with']

/**
 * Add `history` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerHistoryCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('history')
    .description('the ownership history of an account; --format html draws its timeline (owners, team, grants, archives, offboardings) up to its last event')
    .argument('<account>', 'account id')
    .addOption(formatOption(['table', 'json', 'csv', 'html']))
    .addOption(outputOption())
    .action(
      action<[string], { format?: string; output?: string }>(session, async (globals, options, account) => {
        const format = formatOf(globals, options)
        if (format === 'html') {
          return withLog(terminal, globals, async ({ store }) => {
            const timeline = await readAccountTimeline(store, account)
            if (E.isLeft(timeline)) return failWith(terminal, globals, timeline.left)
            const failed = deliver(terminal, options.output, timelinePage(timeline.right, timeline.right.lastAt ?? instantOf(Date.now())))
            return failed === undefined ? ExitCode.ok : failWith(terminal, globals, failed)
          })
        }
        return withReadModels(terminal, globals, async (_log, { db }) => {
          const unknown = await unknownAccount(db, account)
          if (unknown !== undefined) return failWith(terminal, globals, unknown)
          const periods = await ownershipHistory(db, account)
          if (E.isLeft(periods)) return failWith(terminal, globals, usageOfQuery('<account>', periods.left))
          const rows = periods.right.map((p) => [p.ownerId, p.from, p.to, p.beganWith, p.reasonCode, p.transferId, p.actorId, p.endedWith])
          const text =
            format === 'json'
              ? jsonText({ accountId: account, periods: periods.right })
              : format === 'csv'
                ? stringify([head, ...rows.map((r) => r.map((c) => c ?? ''))])
                : periods.right.length === 0
                  ? `No ownership periods of ${account}.\n`
                  : renderTable(head, rows)
          const failed = deliver(terminal, options.output, text)
          return failed === undefined ? ExitCode.ok : failWith(terminal, globals, failed)
        })
      }),
    )
}
