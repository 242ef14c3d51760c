/**
 * The rows of a CRM export (CSV, first line the column names) as the accounts and owners to
 * import: `account_id`, `display_name`, `tier` (key, high-value, standard) and an optional
 * `owner_id`. Reading checks the shape only — columns, duplicates — and reports every problem with
 * its line number and column; the domain's own checks come after (see the import command). A
 * row's line is the line of the file it starts on, as an editor numbers them (CRLF, LF and a lone
 * CR each end one line), also after a quoted cell that spans lines.
 *
 * @module
 */
import { parse } from 'csv-parse/sync'
import * as E from 'fp-ts/lib/Either.js'

/* Line breaks as an editor counts them: CRLF, LF or a lone CR each end one line. */
const breaksIn = (fields: ReadonlyArray<string>): number => fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0)

/*
 * The lines of the file, for the byte offsets csv-parse reports (its own count of lines takes a
 * CRLF inside quotes for two). A record ends just after its line break (where it has one) and
 * starts as many lines above its last as its quoted cells break; an error in a field is at the
 * offset where it was found.
 */
const fileLines = (text: string): { readonly lineAt: (offset: number) => number; readonly recordStart: (end: number, fields: ReadonlyArray<string>) => number } => {
  const bytes = Buffer.from(text, 'utf8')
  const starts = [0]
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1)
  const lineAt = (offset: number): number => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }
  return {
    lineAt,
    recordStart: (end, fields) => {
      let last = end - 1
      if (bytes[last] === 0x0a) last--
      if (bytes[last] === 0x0d) last--
      return lineAt(last) - breaksIn(fields)
    },
  }
}

/**
 * One account of the export, with the line it was on.
 * @category import
 * @since 0.2.0
 */
export interface CrmRow {
  /** The line of the file the row starts on, counted from 1 (the header is usually line 1). */
  readonly line: number
  readonly accountId: string
  readonly displayName: string
  readonly tier: string
  /** Empty when the export names no owner. */
  readonly ownerId: string
}

/**
 * A problem of one row (or of the file, line 1 for the header), naming the column, never the value.
 * @category import
 * @since 0.2.0
 */
export interface RowProblem {
  readonly line: number
  readonly column: string
  readonly message: string
}

/**
 * The columns an export must have, and the optional one.
 * @category import
 * @since 0.2.0
 */
export const crmColumns = { required: ['account_id', 'display_name', 'tier'], optional: ['owner_id'] } as const

/**
 * What reading an export found: the rows fit to import and the problems of the others.
 * @category import
 * @since 0.2.0
 */
export interface CrmRows {
  readonly rows: ReadonlyArray<CrmRow>
  readonly problems: ReadonlyArray<RowProblem>
}

/**
 * The rows of a CRM export with the problems of each bad one, or the problems that stop the
 * whole file (not CSV, a missing column, no rows).
 * @category import
 * @since 0.2.0
 * @example
 * crmRows('account_id,display_name,tier,owner_id\nkunde-1,Müller GmbH,key,hanna\n')
 */
export const crmRows = (text: string): E.Either<ReadonlyArray<RowProblem>, CrmRows> => {
  let records: Array<{ record: Record<string, string>; info: { bytes: number } }>
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true })
  } catch (e) {
    // A record that breaks the format comes with its fields; a field that does, with where it was found.
    const { bytes, code, record } = e as { bytes?: number; code?: string; record?: ReadonlyArray<string> }
    const lines = fileLines(text)
    const line = bytes === undefined ? 1 : record === undefined ? lines.lineAt(bytes) : lines.recordStart(bytes, record)
    return E.left([{ line, column: '(row)', message: `not valid CSV (${code ?? 'CSV_INVALID'})` }])
  }
  const columns = Object.keys(records[0]?.record ?? {})
  const lines = fileLines(text)
  // The header as the parse above took it: its first record, after any blank lines, on the line it is on.
  const [header] = parse(text, { to: 1, bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { bytes: number } }>
  const headerLine = header?.record
  const headerAt = header === undefined ? 1 : lines.recordStart(header.info.bytes, header.record)
  const present = new Set(headerLine ?? columns)
  const problems: RowProblem[] = []
  // A column named twice would give each row the value of its last copy, silently.
  for (const column of new Set((headerLine ?? []).filter((name, i, all) => all.indexOf(name) !== i))) problems.push({ line: headerAt, column, message: 'appears twice in the header' })
  for (const column of crmColumns.required) if (!present.has(column)) problems.push({ line: headerAt, column, message: 'required column is missing' })
  const known = new Set<string>([...crmColumns.required, ...crmColumns.optional])
  for (const column of present) if (!known.has(column)) problems.push({ line: headerAt, column, message: `unknown column; expected ${[...known].join(', ')}` })
  if (problems.length > 0) return E.left(problems)
  const seen = new Map<string, number>()
  const rows: CrmRow[] = []
  for (const { record, info } of records) {
    const line = lines.recordStart(info.bytes, Object.values(record))
    const row: CrmRow = { line, accountId: record['account_id'] ?? '', displayName: record['display_name'] ?? '', tier: record['tier'] ?? '', ownerId: record['owner_id'] ?? '' }
    const before = problems.length
    for (const column of crmColumns.required) if ((record[column] ?? '') === '') problems.push({ line, column, message: 'is empty' })
    const first = seen.get(row.accountId)
    if (row.accountId !== '' && first !== undefined) problems.push({ line, column: 'account_id', message: `the same account as on line ${first}` })
    else seen.set(row.accountId, line)
    if (problems.length === before) rows.push(row)
  }
  if (records.length === 0) return E.left([{ line: 1, column: '(file)', message: 'no rows to import' }])
  return E.right({ rows, problems })
}
