/**
 * Where a report goes and in which form: `--format table|json|csv|html` (`--json` means
 * `--format json`), written to standard output or to the file `--output` names.
 *
 * @module
 */
import { Option } from 'commander'
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs'
import { CommandFailedError, UsageError } from '../exit-code.js'
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

// The first bytes of a SQLite database, of its write-ahead log and of its rollback journal.
const databaseHeaders: ReadonlyArray<Buffer> = [Buffer.from('SQLite format 3\0'), Buffer.from([0x37, 0x7f, 0x06, 0x82]), Buffer.from([0x37, 0x7f, 0x06, 0x83]), Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7])]

// Whether `path` is an existing file that starts as a database, its WAL or its journal does.
const holdsDatabase = (path: string): boolean => {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(16)
    const read = readSync(fd, head, 0, head.length, 0)
    return databaseHeaders.some((header) => read >= header.length && head.subarray(0, header.length).equals(header))
  } catch {
    return false
  } finally {
    closeSync(fd)
  }
}

/**
 * Write a report's text to the `--output` file or standard output; never over a SQLite database,
 * its WAL or its journal (the event log or key store a mistyped path could name).
 * @category reports
 * @since 0.2.0
 */
export const deliver = (terminal: Terminal, output: string | undefined, text: string): CommandFailedError | UsageError | undefined => {
  if (output === undefined) {
    terminal.out(text)
    return undefined
  }
  if (holdsDatabase(output)) return new UsageError('--output', `${output} holds a SQLite database or its journal (an event log, a key store?); a report is never written over it`)
  try {
    writeFileSync(output, text)
    terminal.err(`written to ${output}\n`)
    return undefined
  } catch (cause) {
    return new CommandFailedError(`the report could not be written to --output (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, 3, { cause })
  }
}
