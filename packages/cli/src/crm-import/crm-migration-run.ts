/**
 * `import --format salesforce|hubspot|csv <files...>`: ownership history from a CRM's exports
 * (see @account-ownership/crm-migration). Without `--write` it is a dry run that reports what
 * would be written; with it, the valid rows are imported and every bad row is reported with its
 * file, line and field. Progress: bytes read, then accounts recorded.
 *
 * @module
 */
import { crmSystems, migrate, sourceFiles, type CrmSystem, type MigrationProgress, type MigrationSummary, type RowProblem } from '@account-ownership/crm-migration'
import { inMemoryEventStore, type EventStore } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync } from 'node:fs'
import { answer, failWith, type GlobalOptions } from '../commands/cli-session.js'
import { withLog } from '../commands/read-session.js'
import { CommandFailedError, ExitCode, UsageError } from '../exit-code.js'
import { parseStoreUrl } from '../store/store-url.js'
import { progressBar, type ProgressBar } from '../terminal/progress-bar.js'
import { renderTable } from '../terminal/table.js'
import type { Terminal } from '../terminal/terminal.js'

/**
 * What `import --format` is given.
 * @category import
 * @since 0.3.0
 */
export interface CrmMigrationRequest {
  readonly format: string
  readonly files: ReadonlyArray<string>
  readonly by: string
  readonly tenant: string
  readonly tier?: string
  readonly write: boolean
}

/* The command-line option behind each option of `migrate`. */
const optionOf: Readonly<Record<string, string>> = { importedBy: '--by', tenantId: '--tenant', tier: '--tier' }

const counted = (counts: Readonly<Record<string, number | undefined>>): string =>
  Object.entries(counts)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ') || 'none'

const summaryText = (s: MigrationSummary, problems: ReadonlyArray<RowProblem>): string =>
  [
    problems.length === 0 ? '' : renderTable(['file', 'line', 'field', 'problem'], problems.map((p) => [p.file, p.line, p.field, `${p.code}: ${p.message}`])),
    `${s.rowsRead} row(s) read; left out on purpose: ${counted(s.ignored)}; problems: ${counted(s.problems)}.\n`,
    `${s.dryRun ? 'Would record' : 'Recorded'} ${s.events} event(s) for ${s.accounts.recorded} account(s)${s.accounts.resumed > 0 ? ` (${s.accounts.resumed} resumed)` : ''}; ` +
      `${s.accounts.alreadyImported} imported before; ${s.accounts.skipped} left alone.\n`,
    s.dryRun ? 'Dry run: nothing was written; run again with --write to import.\n' : '',
  ].join('')

/**
 * Whether a check without `--write` names a SQLite log that does not exist yet: it is then made
 * against an empty log (opening it read-only would fail).
 * @category import
 * @since 0.3.0
 */
export const noLogYet = (globals: GlobalOptions, write: boolean): boolean => {
  const url = parseStoreUrl(globals.store, '--store')
  return !write && E.isRight(url) && url.right.kind === 'sqlite' && !existsSync(url.right.path)
}

/**
 * Run a CRM migration for the CLI; the exit code is 1 (a finding) when a row had a problem.
 * @category import
 * @since 0.3.0
 */
export const runCrmMigration = async (terminal: Terminal, globals: GlobalOptions, request: CrmMigrationRequest): Promise<ExitCode> => {
  if (!crmSystems.includes(request.format as CrmSystem)) return failWith(terminal, globals, new UsageError('--format', `expected one of ${crmSystems.join(', ')}`))
  const sources = sourceFiles(request.format as CrmSystem, request.files)
  if (E.isLeft(sources)) return failWith(terminal, globals, new UsageError('<files...>', sources.left.message))
  const run = async (store: EventStore): Promise<ExitCode> => {
    const problems: RowProblem[] = []
    let bar: ProgressBar = progressBar(terminal, 'read', 'bytes')
    let phase: MigrationProgress['phase'] = 'read'
    const done = await migrate(sources.right, {
      store,
      tenantId: request.tenant,
      importedBy: request.by,
      ...(request.tier === undefined ? {} : { tier: request.tier }),
      dryRun: !request.write,
      onProblem: (p) => problems.push(p),
      onProgress: (p) => {
        if (p.phase !== phase) {
          bar.stop()
          bar = progressBar(terminal, 'record', 'accounts')
          phase = p.phase
        }
        bar.update(p.done, p.total)
      },
    })
    bar.stop()
    if (E.isLeft(done)) {
      const error = done.left
      return failWith(
        terminal,
        globals,
        error._tag === 'MigrationOptionError'
          ? new UsageError(optionOf[error.field] ?? error.field, error.detail)
          : new CommandFailedError(`${error.message}; what was recorded stays — run the same import again to go on`),
      )
    }
    answer(terminal, globals, { summary: done.right, problems }, () => summaryText(done.right, problems))
    return problems.length === 0 ? ExitCode.ok : ExitCode.finding
  }
  return noLogYet(globals, request.write) ? run(inMemoryEventStore()) : withLog(terminal, globals, ({ store }) => run(store), request.write ? 'write' : 'read')
}
