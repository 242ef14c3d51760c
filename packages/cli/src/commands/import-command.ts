/**
 * `import <file.csv> --by <principal> --tenant <id> --write`: accounts and their owners from a
 * CRM export; with `--format salesforce|hubspot|csv <files...>`, the ownership history of a CRM
 * instead (see crm-migration-run.ts). Every row is checked before anything is appended — each bad row is reported with
 * its line number and column, and then nothing is imported. Writes to the log, so it needs
 * `--write`; re-running the same file repeats nothing (command ids from the file and line).
 *
 * @module
 */
import { accountCommandHandler, defaultMaxAheadOfClock, defaultPolicy, inMemoryEventStore, instantOf, notAheadOfClock } from '@account-ownership/core'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { crmRows, type RowProblem } from '../crm-import/crm-rows.js'
import { noLogYet, runCrmMigration } from '../crm-import/crm-migration-run.js'
import { checkPlan, importPlan } from '../crm-import/import-plan.js'
import { CommandFailedError, ExitCode, UsageError } from '../exit-code.js'
import { parseInstant } from '../terminal/instant-option.js'
import { progressBar } from '../terminal/progress-bar.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession, type GlobalOptions } from './cli-session.js'
import { withLog } from './read-session.js'
import type { Terminal } from '../terminal/terminal.js'

interface ImportOptions {
  readonly by: string
  readonly tenant: string
  readonly at?: string
  readonly write?: boolean
  readonly format?: string
  readonly tier?: string
}

const reportProblems = (terminal: Terminal, globals: GlobalOptions, problems: ReadonlyArray<RowProblem>): ExitCode => {
  answer(terminal, globals, { imported: 0, problems }, () => renderTable(['line', 'column', 'problem'], problems.map((p) => [p.line, p.column, p.message])))
  terminal.err(`account-ownership: ${problems.length} problem(s) found; nothing was imported\n`)
  return ExitCode.usage
}

/**
 * Add `import` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerImportCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('import')
    .description(
      'WRITES to the log (needs --write): accounts and owners from a CRM export (CSV: account_id, display_name, tier, owner_id; all rows checked first; one cut short is completed by running it again), ' +
        'or with --format salesforce|hubspot|csv the ownership history of a CRM (bad rows reported, the rest imported; without --write a dry run)',
    )
    .argument('<files...>', 'the CSV file; with --format, the export files (Salesforce: Account.csv AccountHistory.csv)')
    .requiredOption('--by <principal>', 'who imports (recorded as the actor)')
    .requiredOption('--tenant <id>', 'the tenant of the accounts')
    .option('--at <time>', 'business time of the import (ISO 8601); now by default')
    .option('--write', 'append to the log (without it, the file is only checked)')
    .option('--format <system>', 'import ownership history from a CRM export: salesforce, hubspot or csv (see docs/migrating-from-a-crm.md)')
    .option('--tier <tier>', 'with --format: the tier the imported accounts open with (standard by default)')
    .action(
      action<[ReadonlyArray<string>], ImportOptions>(session, async (globals, options, files) => {
        if (options.format !== undefined) {
          // The history's own times are the business times there; an --at would be silently ignored.
          if (options.at !== undefined) return failWith(terminal, globals, new UsageError('--at', 'only without --format; a CRM export dates each change itself'))
          return runCrmMigration(terminal, globals, { format: options.format, files, by: options.by, tenant: options.tenant, ...(options.tier === undefined ? {} : { tier: options.tier }), write: options.write === true })
        }
        const [file, ...more] = files
        if (file === undefined || more.length > 0) return failWith(terminal, globals, new UsageError('<files...>', 'name one CSV file (several only with --format)'))
        if (options.tier !== undefined) return failWith(terminal, globals, new UsageError('--tier', 'only with --format; the CSV names each account\'s tier'))
        const at = options.at === undefined ? E.right(instantOf(Date.now())) : parseInstant(options.at, '--at')
        if (E.isLeft(at)) return failWith(terminal, globals, at.left)
        // A business time ahead of the clock would date the accounts' history in the future: the owner "since 9999" while nobody may access it now.
        if (E.isLeft(notAheadOfClock(at.right, instantOf(Date.now()), defaultMaxAheadOfClock))) return failWith(terminal, globals, new UsageError('--at', 'lies in the future; the import dates what it records at this time'))
        let bytes: Buffer
        try {
          bytes = readFileSync(file)
        } catch {
          return failWith(terminal, globals, new UsageError('<files...>', 'cannot be read'))
        }
        let text: string
        try {
          // Bytes that are not UTF-8 would become U+FFFD in the names the log keeps for good.
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        } catch {
          return failWith(terminal, globals, new UsageError('<files...>', 'is not UTF-8 text; export the file as UTF-8'))
        }
        const rows = crmRows(text)
        if (E.isLeft(rows)) return reportProblems(terminal, globals, rows.left)
        const plan = importPlan(rows.right.rows, text, options.tenant)
        const count = rows.right.rows.length + new Set(rows.right.problems.map((p) => p.line)).size
        const request = { by: options.by, tenantId: options.tenant, at: at.right }
        // Checking a file for a log that does not exist yet: against an empty log.
        if (noLogYet(globals, options.write === true)) {
          const problems = [...rows.right.problems, ...(await checkPlan(plan, inMemoryEventStore(), request))].sort((a, b) => a.line - b.line)
          if (problems.length > 0) return reportProblems(terminal, globals, problems)
          answer(terminal, globals, { checked: count, imported: 0, problems: [] }, () => `${count} row(s) checked, no problem found; run again with --write to import them.\n`)
          return ExitCode.ok
        }
        return withLog(
          terminal,
          globals,
          async ({ store }) => {
            const problems = [...rows.right.problems, ...(await checkPlan(plan, store, request))].sort((a, b) => a.line - b.line)
            if (problems.length > 0) return reportProblems(terminal, globals, problems)
            if (options.write !== true) {
              answer(terminal, globals, { checked: count, imported: 0, problems: [] }, () => `${count} row(s) checked, no problem found; run again with --write to import them.\n`)
              return ExitCode.ok
            }
            const handler = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: [options.by] as never }, clock: () => at.right })
            const bar = progressBar(terminal, 'import')
            let done = 0
            // Commands a run cut short recorded already are answered from the log and append nothing.
            let appended = 0
            for (const { line, commandId, command } of plan) {
              const handled = await handler.handle(command, { commandId, actor: options.by, tenantId: options.tenant })
              if (E.isLeft(handled)) {
                bar.stop()
                return failWith(terminal, globals, new CommandFailedError(`line ${line}: ${handled.left.message}; ${done} of ${plan.length} commands are in the log — run the same import again to complete it (nothing is repeated)`))
              }
              if (!handled.right.deduplicated) appended++
              bar.update(++done, plan.length)
            }
            bar.stop()
            answer(terminal, globals, { imported: count, commands: plan.length, appended, problems: [] }, () => `${count} account(s) imported (${plan.length} commands, ${appended} appended now).\n`)
            return ExitCode.ok
          },
          options.write === true ? 'write' : 'read',
        )
      }),
    )
}
