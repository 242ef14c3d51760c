/**
 * `report subject <id>` (Art. 15 DSGVO, Auskunft) and `report processing` (Art. 30, Verzeichnis
 * von Verarbeitungstätigkeiten) from the audit read model, as a table, JSON, CSV or a
 * self-contained HTML document.
 *
 * @module
 */
import { instantOf, SubjectId } from '@account-ownership/core'
import { encryptingEventStore, parseSubject, recordOfProcessing, subjectReport, type KeyStore } from '@account-ownership/dsgvo'
import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode, UsageError } from '../exit-code.js'
import { reportPage, tableHtml } from '../reports/report-page.js'
import { subjectReportPage } from '../reports/subject-report-page.js'
import { subjectReportHead, subjectReportRows } from '../reports/subject-report-rows.js'
import { jsonText } from '../terminal/json-text.js'
import { renderTable, type Cell } from '../terminal/table.js'
import { action, failWith, type CliSession } from './cli-session.js'
import { kekProblemOf } from './kek-problem.js'
import { openKeyStoreFile } from './key-store-file.js'
import { failureOfQuery } from './query-failure.js'
import { withReadModels } from './read-session.js'
import { deliver, formatOf, formatOption, outputOption, type ReportFormat } from './report-output.js'

const csvOf = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string =>
  stringify([[...head], ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))])

const textOf = (format: ReportFormat, json: unknown, head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>, html: () => string): string =>
  format === 'json' ? jsonText(json) : format === 'csv' ? csvOf(head, rows) : format === 'html' ? html() : rows.length === 0 ? 'Nothing recorded.\n' : renderTable(head, rows)

const processingHead = ['purpose', 'legal basis', 'recipients (categories)', 'data subjects', 'data categories', 'accounts', 'recipients', 'since']

/**
 * Add `report subject` and `report processing` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerReportCommands = (program: Command, session: CliSession): void => {
  const { terminal } = session
  const report = program.command('report').description('DSGVO reports: subject (Art. 15) and processing (Art. 30)')
  report
    .command('subject')
    .description('everything the log holds about a data subject (Art. 15): principal:<id>, stakeholder:<id> or account:<id> (a sole trader)')
    .argument('<subject>', 'subject id, e.g. principal:hanna, stakeholder:erika or account:kunde-7')
    .option('--keys <file>', 'the SQLite key store, to show personal values in plaintext (without it they show as stored: encrypted)')
    .option('--kek <file>', 'the key-encryption key file the key store wraps its keys under (with --keys)')
    .addOption(formatOption(['table', 'json', 'csv', 'html']))
    .addOption(outputOption())
    .action(
      action<[string], { format?: string; output?: string; keys?: string; kek?: string }>(session, (globals, options, subject) => {
        // Checked before anything opens, so that the message never repeats what was typed (it may be a name).
        if (!SubjectId.is(subject) || parseSubject(subject) === undefined) return Promise.resolve(failWith(terminal, globals, new UsageError('<subject>', 'expected principal:<id>, stakeholder:<id> or account:<id>')))
        if (options.kek !== undefined && options.keys === undefined) return Promise.resolve(failWith(terminal, globals, new UsageError('--kek', 'needs --keys')))
        const opened: E.Either<UsageError, KeyStore | undefined> = options.keys === undefined ? E.right(undefined) : openKeyStoreFile(options.keys, options.kek)
        if (E.isLeft(opened)) return Promise.resolve(failWith(terminal, globals, opened.left))
        const keys = opened.right
        // Closed however the session ends, also where the log or its read models cannot be opened.
        return withReadModels(terminal, globals, async (log, { db }) => {
          // Mentions' values and a sole trader's records are read from the log itself.
          const found = await subjectReport(db, subject, { store: keys === undefined ? log.store : encryptingEventStore({ store: log.store, keys }) })
          if (E.isLeft(found)) return failWith(terminal, globals, kekProblemOf(found.left) ?? failureOfQuery('<subject>', found.left))
          const text = textOf(formatOf(globals, options), found.right, subjectReportHead, subjectReportRows(found.right), () => subjectReportPage(found.right, instantOf(Date.now())))
          const failed = deliver(terminal, options.output, text)
          return failed === undefined ? ExitCode.ok : failWith(terminal, globals, failed)
        }).finally(() => keys?.close())
      }),
    )
  report
    .command('processing')
    .description('the record of processing activities (Art. 30) as far as the log knows it')
    .addOption(formatOption(['table', 'json', 'csv', 'html']))
    .addOption(outputOption())
    .action(
      action<[], { format?: string; output?: string }>(session, (globals, options) =>
        withReadModels(terminal, globals, async (_log, { db }) => {
          const record = await recordOfProcessing(db)
          const rows = record.activities.map((a) => [a.purpose, a.legalBasis, a.recipientCategories.join('; '), a.dataSubjectCategories.join('; '), a.dataCategories.join('; '), a.accounts, a.recipients, a.since])
          const text = textOf(formatOf(globals, options), record, processingHead, rows, () =>
            reportPage('Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) — record of processing', `as of ${instantOf(Date.now())} · erasures recorded: ${record.erasures}`, [
              { heading: 'Processing activities', html: tableHtml(processingHead, rows) },
              { heading: 'Retention (Aufbewahrungsfristen)', html: tableHtml(['record kind', 'years', 'legal reference'], record.retention.map((r) => [r.recordKind, r.years, r.legalReference])) },
            ]),
          )
          const failed = deliver(terminal, options.output, text)
          return failed === undefined ? ExitCode.ok : failWith(terminal, globals, failed)
        }),
      ),
    )
}
