/**
 * Tables for people reading a terminal (cli-table3): one row per item, the columns named in the
 * auditor's words, empty cells shown as `–`.
 *
 * @module
 */
import Table from 'cli-table3'

/**
 * A value a table cell shows.
 * @category terminal
 * @since 0.2.0
 */
export type Cell = string | number | bigint | boolean | null | undefined

/**
 * The text of a table with the given column heads and rows.
 * @category terminal
 * @since 0.2.0
 * @example
 * renderTable(['account', 'owner'], [['kunde-1', 'hanna']])
 */
export const renderTable = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string => {
  const table = new Table({ head: [...head], style: { head: [], border: [] } })
  for (const row of rows) table.push(row.map((cell) => (cell === null || cell === undefined || cell === '' ? '–' : String(cell))))
  return `${table.toString()}\n`
}
