/**
 * @account-ownership/cli — the auditor's command line (Prüfer-Kommandozeile) of account
 * ownership: replay and question the log, report, verify the chain, erase and import, from a
 * terminal. The executable is `account-ownership`; `runCli` runs it from code.
 *
 * @module
 */
export { runCli } from './cli-program.js'
export { ExitCode, UsageError, CommandFailedError, exitCodeOf, type CliError } from './exit-code.js'
export { parseStoreUrl, defaultStoreUrl, storeEnvironmentVariable, type StoreUrl } from './store/store-url.js'
export { processTerminal, type Terminal } from './terminal/terminal.js'
export { accountTimeline, type AccountTimeline, type TimelineBar, type TimelineMark } from './timeline/account-timeline.js'
export { timelineSvg } from './timeline/timeline-svg.js'
export { timelinePage } from './timeline/timeline-page.js'
export { parseInstant } from './terminal/instant-option.js'
export { crmRows, crmColumns, type CrmRow, type CrmRows, type RowProblem } from './crm-import/crm-rows.js'
