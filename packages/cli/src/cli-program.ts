/**
 * The auditor's command line (`account-ownership`): every subcommand on one commander program,
 * the global options, and the mapping of commander's own errors (an unknown flag, a missing
 * argument, a bad choice) to exit code 2 — with `--json`, answered as JSON like every other
 * error. Reading is the default; writing commands say so.
 *
 * @module
 */
import { Command, CommanderError, Option } from 'commander'
import { ExitCode } from './exit-code.js'
import { registerAccessCommand } from './commands/access-command.js'
import { registerBackupCommands } from './commands/backup-commands.js'
import { answerError, type CliSession } from './commands/cli-session.js'
import { registerEraseCommand } from './commands/erase-command.js'
import { registerHistoryCommand } from './commands/history-command.js'
import { registerImportCommand } from './commands/import-command.js'
import { registerKpisCommand } from './commands/kpis-command.js'
import { registerOwnershipCommands } from './commands/ownership-commands.js'
import { registerRebuildCommand } from './commands/rebuild-command.js'
import { registerReplayCommand } from './commands/replay-command.js'
import { registerReportCommands } from './commands/report-commands.js'
import { registerTreeHeadCommand } from './commands/tree-head-command.js'
import { usageOfCommandLine } from './commands/usage-of-command-line.js'
import { registerVerifyCommand } from './commands/verify-command.js'
import { defaultStoreUrl, storeEnvironmentVariable } from './store/store-url.js'
import { processTerminal, type Terminal } from './terminal/terminal.js'

const epilog = `
Exit codes: 0 ok, 1 finding (chain broken, orphans, corrupt event), 2 usage error, 3 failure.
Reading commands open the log read-only (the auditor's mode) and change no byte of it.
Writing commands: import and erase append to the log and need --write; rebuild writes read models (--read-models).
Times: ISO 8601 with a time zone (2026-03-12T09:00:00Z) or a date (2026-03-12, UTC).`

/**
 * Run the command line on `args` (without `node` and the script) and answer the exit code.
 * @category cli
 * @since 0.2.0
 * @example
 * process.exitCode = await runCli(['owner', 'kunde-1', '--at', '2026-03-12'])
 */
export const runCli = async (args: ReadonlyArray<string>, terminal: Terminal = processTerminal(args.includes('--progress'))): Promise<ExitCode> => {
  const session: CliSession = { terminal, exitCode: ExitCode.ok }
  const program = new Command('account-ownership')
    .description("The auditor's command line of account-ownership: replay, question, report, verify, erase, import.")
    .version('0.2.0')
    .addOption(new Option('--store <url>', 'the event log: sqlite:<file>, postgres://…, esdb://…').env(storeEnvironmentVariable).default(defaultStoreUrl))
    .addOption(new Option('--read-models <url>', 'keep read models in this SQLite file (sqlite:<file>); default: in memory, rebuilt each run'))
    .option('--json', 'answer in JSON for machines instead of tables')
    .option('--progress', 'show progress bars even when standard error is not a terminal')
    .addHelpText('after', epilog)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: terminal.out, writeErr: terminal.err })
    .exitOverride()
  for (const register of [
    registerReplayCommand,
    registerBackupCommands,
    registerVerifyCommand,
    registerTreeHeadCommand,
    registerRebuildCommand,
    registerOwnershipCommands,
    registerHistoryCommand,
    registerAccessCommand,
    registerReportCommands,
    registerEraseCommand,
    registerImportCommand,
    registerKpisCommand,
  ]) {
    register(program, session)
  }
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: terminal.out, writeErr: terminal.err })
  try {
    await program.parseAsync([...args], { from: 'user' })
    return session.exitCode
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e
    if (e.exitCode === 0) return ExitCode.ok
    // Commander has told the person on standard error; the machine that asked for JSON is told in JSON.
    if (program.opts<{ json?: boolean }>().json === true) answerError(terminal, usageOfCommandLine(e, program))
    return ExitCode.usage
  }
}
