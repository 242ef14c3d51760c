/**
 * Where a report goes and in which form: `--format table|json|csv|html` (`--json` means
 * `--format json`), written to standard output or to the file `--output` names.
 *
 * @module
 */
import { Option } from 'commander'
import { writeFileSync } from 'node:fs'
import { CommandFailedError } from '../exit-code.js'
import type { Terminal } from '../terminal/terminal.js'
import type { GlobalOptions } from './cli-session.js'

/**
 * The forms a report takes.
 * @category reports
 * @since 0.2.0
 */
export type ReportFormat = 'table' | 'json' | 'csv' | 'html'

/**
 * The `--format` option offering `formats`, the first being the default.
 * @category reports
 * @since 0.2.0
 */
export const formatOption = (formats: ReadonlyArray<ReportFormat>): Option =>
  new Option('--format <format>', `output format: ${formats.join(', ')}`).choices([...formats]).default(formats[0])

/**
 * The `--output` option.
 * @category reports
 * @since 0.2.0
 */
export const outputOption = (): Option => new Option('--output <file>', 'write the report to this file instead of standard output')

/**
 * The format asked for, `--json` taking precedence.
 * @category reports
 * @since 0.2.0
 */
export const formatOf = (globals: GlobalOptions, options: { readonly format?: string }): ReportFormat => (globals.json ? 'json' : ((options.format ?? 'table') as ReportFormat))

/**
 * Write a report's text to the `--output` file or standard output.
 * @category reports
 * @since 0.2.0
 */
export const deliver = (terminal: Terminal, output: string | undefined, text: string): CommandFailedError | undefined => {
  if (output === undefined) {
    terminal.out(text)
    return undefined
  }
  try {
    writeFileSync(output, text)
    terminal.err(`written to ${output}\n`)
    return undefined
  } catch (cause) {
    return new CommandFailedError(`the report could not be written to --output (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, 3, { cause })
  }
}
