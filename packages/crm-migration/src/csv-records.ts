/**
 * The records of a CSV export, streamed: one file is read in chunks and parsed with csv-parse,
 * so memory stays flat however long the export is. What Excel, Data Loader and HubSpot write is
 * taken as it comes — a byte order mark, CRLF line ends, quoted commas and quoted line breaks —
 * and a record that breaks the format (an unclosed quote, more fields than columns) or holds
 * bytes that are not UTF-8 is reported with its line and skipped; the others flow on.
 *
 * @module
 */
import { parse } from 'csv-parse'
import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { Transform, type TransformCallback } from 'node:stream'
import { rowProblem, type RowPlace, type RowProblem } from './row-problem.js'

/**
 * One record with the line it starts on; fields by column name.
 * @category migration
 * @since 0.3.0
 */
export interface CsvRecord {
  readonly place: RowPlace
  readonly fields: Readonly<Record<string, string>>
}

/**
 * Where a reader reports what it meets besides records.
 * @category migration
 * @since 0.3.0
 */
export interface ReadObserver {
  readonly problem: (problem: RowProblem) => void
  /** A row read and left out on purpose (a deleted row, another field's history), by why. */
  readonly ignored: (why: string) => void
  /** One more record (or company) was read, good or bad. */
  readonly rowRead: () => void
  /** `bytes` more of the file have been read. */
  readonly bytesRead?: (bytes: number) => void
}

/* CRLF becomes LF before parsing, so that a quoted line break counts as one line; a CR at a chunk's end waits for the next. */
const lineEnds = (): Transform => {
  let pending = ''
  let first = true
  return new Transform({
    decodeStrings: false,
    transform(chunk: string, _encoding, done: TransformCallback) {
      let text = pending + chunk
      if (first) {
        text = text.replace(/^\uFEFF/, '')
        first = false
      }
      pending = text.endsWith('\r') ? '\r' : ''
      done(null, (pending === '' ? text : text.slice(0, -1)).replace(/\r\n/g, '\n'))
    },
    flush(done: TransformCallback) {
      done(null, pending)
    },
  })
}

/* Excel's "Unicode text" is UTF-16: told by its byte order mark, before a byte is parsed. */
const isUtf16 = (path: string): boolean => {
  try {
    const fd = openSync(path, 'r')
    try {
      const head = Buffer.alloc(2)
      return readSync(fd, head, 0, 2, 0) === 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
}

const lineBreaks = (fields: Readonly<Record<string, string>>): number => Object.values(fields).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0)

/**
 * The records of the CSV file at `path` (reported as `file`), after checking that the header
 * names every column of `required` (an entry with alternatives needs one of them). A missing column or a file that cannot be read ends the
 * stream after one problem; a bad record is reported and skipped.
 * @category migration
 * @since 0.3.0
 */
export async function* csvRecords(path: string, file: string, required: ReadonlyArray<string | ReadonlyArray<string>>, observer: ReadObserver): AsyncGenerator<CsvRecord> {
  if (isUtf16(path)) {
    observer.problem(rowProblem('encoding', { file, line: 1 }, '(file)', 'is UTF-16 (a byte order mark FF FE or FE FF); export the file as UTF-8'))
    return
  }
  const source = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  source.on('data', (chunk) => observer.bytesRead?.(Buffer.byteLength(chunk)))
  let header: ReadonlyArray<string> = []
  const parser = parse({
    columns: (names: string[]) => (header = names.map((n) => n.trim())),
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = (error as { lines?: number } | undefined)?.lines ?? 0
      const code = error?.code ?? 'CSV_INVALID'
      const what = code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quote is not closed' : code.startsWith('CSV_RECORD_INCONSISTENT') ? 'the number of fields differs from the header' : `not valid CSV (${code})`
      observer.rowRead()
      observer.problem(rowProblem('malformed', { file, line }, '(row)', what))
      return undefined
    },
  })
  const records = source.pipe(lineEnds()).pipe(parser)
  source.on('error', (e) => parser.destroy(e))
  let checked = false
  /* The header is known once the first record (or the end) is reached. */
  const headerFits = (): boolean => {
    checked = true
    // A column named twice would give each record the value of its last copy, silently.
    const twice = header.filter((name, i) => header.indexOf(name) !== i)
    for (const name of new Set(twice)) observer.problem(rowProblem('malformed', { file, line: 1 }, name, 'appears twice in the header; which of its columns holds the value is not clear'))
    if (twice.length > 0) return false
    const missing = required.filter((c) => (typeof c === 'string' ? [c] : c).every((name) => !header.includes(name)))
    for (const c of missing) {
      const names = typeof c === 'string' ? [c] : c
      observer.problem(rowProblem('missing', { file, line: 1 }, names[0] ?? '', `required column is missing${names.length > 1 ? ` (or one of ${names.slice(1).join(', ')})` : ''}; the header has ${header.join(', ')}`))
    }
    return missing.length === 0
  }
  try {
    for await (const { record, info } of records as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checked && !headerFits()) return
      observer.rowRead()
      const place = { file, line: info.lines - lineBreaks(record) }
      const garbled = Object.keys(record).filter((k) => record[k]?.includes('\uFFFD') === true)
      if (garbled.length > 0) {
        for (const field of garbled) observer.problem(rowProblem('encoding', place, field, 'holds bytes that are not UTF-8; export the file as UTF-8'))
        continue
      }
      yield { place, fields: record }
    }
    if (!checked && header.length > 0) headerFits()
  } catch (e) {
    const code = (e as { code?: string }).code
    observer.problem(rowProblem('malformed', { file, line: (e as { lines?: number }).lines ?? 0 }, '(file)', code === 'ENOENT' ? 'cannot be read: no such file' : `cannot be read (${code ?? String(e)})`))
  } finally {
    source.destroy()
  }
}
