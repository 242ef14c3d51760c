/**
 * Where a command writes: answers go to standard output, messages and progress to standard
 * error, so that `--json` output piped into another program is never mixed with either.
 *
 * @module
 */

/**
 * The two output streams of a command and whether a person watches them.
 * @category terminal
 * @since 0.2.0
 */
export interface Terminal {
  /** Write an answer (a table, JSON, CSV, HTML). */
  readonly out: (text: string) => void
  /** Write a message or an error. */
  readonly err: (text: string) => void
  /** The stream progress bars draw on, or `undefined` when nobody watches (piped, redirected). */
  readonly progressStream: NodeJS.WritableStream | undefined
}

/**
 * The process's own streams; progress is shown when standard error is a terminal, or always
 * when `forceProgress` is set.
 * @category terminal
 * @since 0.2.0
 */
export const processTerminal = (forceProgress = false): Terminal => ({
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  progressStream: process.stderr.isTTY || forceProgress ? process.stderr : undefined,
})
