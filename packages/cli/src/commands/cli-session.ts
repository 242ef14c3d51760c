/**
 * One run of the command line: the terminal it writes to, the global options every subcommand
 * shares (`--store`, `--read-models`, `--json`, `--progress`), and the exit code the run ends with.
 * Subcommands are plain async functions from their arguments to an exit code; `action` wires one
 * into commander.
 *
 * @module
 */
import type { Command } from 'commander'
import { ExitCode, exitCodeOf, type CliError } from '../exit-code.js'
import { jsonText } from '../terminal/json-text.js'
import type { Terminal } from '../terminal/terminal.js'

/**
 * The options every subcommand takes.
 * @category cli
 * @since 0.2.0
 */
export interface GlobalOptions {
  readonly store: string
  readonly readModels: string | undefined
  readonly json: boolean
}

/**
 * A run of the command line.
 * @category cli
 * @since 0.2.0
 */
export interface CliSession {
  readonly terminal: Terminal
  exitCode: ExitCode
}

/**
 * A subcommand's work: its arguments and options in, an exit code out.
 * @category cli
 * @since 0.2.0
 */
export type CommandWork<A extends ReadonlyArray<unknown>, O> = (globals: GlobalOptions, options: O, ...args: A) => Promise<ExitCode>

/**
 * The commander action that runs `work` and keeps its exit code in the session.
 * @category cli
 * @since 0.2.0
 */
export const action =
  <A extends ReadonlyArray<unknown>, O>(session: CliSession, work: CommandWork<A, O>) =>
  async (...received: unknown[]): Promise<void> => {
    const command = received[received.length - 1] as Command
    const all = command.optsWithGlobals() as GlobalOptions & O
    const globals: GlobalOptions = { store: all.store, readModels: all.readModels, json: all.json === true }
    const args = received.slice(0, command.registeredArguments.length) as unknown as A
    session.exitCode = await work(globals, command.opts() as O, ...args)
  }

/**
 * Tell the machine (`--json`: standard output) what went wrong, as every error is told there:
 * `{ "error": { "tag", "message", "field" } }`, the field where the error names one.
 * @category cli
 * @since 0.4.0
 */
export const answerError = (terminal: Terminal, error: CliError): void => {
  terminal.out(jsonText({ error: { tag: error._tag, message: error.message, ...('field' in error ? { field: error.field } : {}) } }))
}

/**
 * Tell the person (standard error) or the machine (`--json`: standard output) what went wrong,
 * and answer the exit code for it.
 * @category cli
 * @since 0.2.0
 */
export const failWith = (terminal: Terminal, globals: Pick<GlobalOptions, 'json'>, error: CliError): ExitCode => {
  if (globals.json) answerError(terminal, error)
  terminal.err(`account-ownership: ${error.message}\n`)
  return exitCodeOf(error)
}

/**
 * Write an answer: JSON for machines, else the human text.
 * @category cli
 * @since 0.2.0
 */
export const answer = (terminal: Terminal, globals: Pick<GlobalOptions, 'json'>, json: unknown, human: () => string): void => {
  terminal.out(globals.json ? jsonText(json) : human())
}
