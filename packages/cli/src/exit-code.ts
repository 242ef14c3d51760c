/**
 * What the auditor's command line answers the shell (Rückgabewert): 0 when all is well, 1 when
 * the answer is a finding an auditor must look at (a broken chain, orphaned accounts, a corrupt
 * event), 2 when the command was used wrongly (an unknown flag, a bad time, a store that is not
 * there), and 3 when the work could not be done (a store that stopped answering).
 *
 * @module
 */
import { TaggedError } from '@account-ownership/core'

/**
 * The exit codes of the `account-ownership` command.
 * @category cli
 * @since 0.2.0
 */
export const ExitCode = { ok: 0, finding: 1, usage: 2, failure: 3 } as const

/**
 * One of the exit codes.
 * @category cli
 * @since 0.2.0
 */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * The command was used wrongly: names the argument or option (`field`), never repeats its value.
 * @category errors
 * @since 0.2.0
 */
export class UsageError extends TaggedError('UsageError') {
  readonly field: string
  constructor(field: string, detail: string) {
    super(`${field}: ${detail}`)
    this.field = field
  }
}

/**
 * The work could not be done (a store or file that failed underneath); `exitCode` says whether
 * that is a finding (1) or a failure (3).
 * @category errors
 * @since 0.2.0
 */
export class CommandFailedError extends TaggedError('CommandFailedError') {
  readonly exitCode: ExitCode
  constructor(message: string, exitCode: ExitCode = ExitCode.failure, options?: { cause?: unknown }) {
    super(message, options)
    this.exitCode = exitCode
  }
}

/**
 * A read of the log that failed, as the command's error: `what` could not be done, with the
 * failure's message. A corrupt event is a finding an auditor must look at (exit 1); any other
 * failure means the work could not be done (exit 3).
 * @category errors
 * @since 0.3.0
 */
export const failedRead = (what: string, cause: unknown): CommandFailedError =>
  new CommandFailedError(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, (cause as { _tag?: unknown } | null)?._tag === 'CorruptEventError' ? ExitCode.finding : ExitCode.failure, {
    cause,
  })

/**
 * Any error a command answers with.
 * @category errors
 * @since 0.2.0
 */
export type CliError = UsageError | CommandFailedError

/**
 * The exit code an error ends the command with.
 * @category cli
 * @since 0.2.0
 */
export const exitCodeOf = (error: CliError): ExitCode => (error._tag === 'UsageError' ? ExitCode.usage : error.exitCode)
