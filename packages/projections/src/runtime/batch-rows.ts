/**
 * The rows of one table that a batch works on (Arbeitsmenge): loaded with one query (per 32766
 * accounts), changed in memory event by event, and written back at the end of the batch — new
 * rows inserted, changed ones upserted by their key.
 *
 * Only the rows an event can still change are loaded: those still open (`open` column null),
 * or all of an account's rows for a table without one. A row that gets closed leaves the open
 * rows, so each event looks only at the few rows still open for its account.
 *
 * @module
 */
import { CompiledQuery, sql, type InsertType, type Kysely } from 'kysely'
import { compiledSqlOf } from './compiled-sql.js'
import { insertRows, statementChunks, upsertRows } from './row-writes.js'

/**
 * A row of `Table` as a batch holds and writes it: positions as decimal strings.
 * @category runtime
 * @since 0.1.0
 */
export type BatchRow<Table> = { readonly [K in keyof Table]: InsertType<Table[K]> }

/**
 * Which table, its key, and what makes a row still changeable.
 * @category runtime
 * @since 0.1.0
 */
export interface BatchTable<Table> {
  readonly table: string
  /** The primary key's columns. */
  readonly key: ReadonlyArray<keyof Table & string>
  /** `bigint` columns; loaded as text so that no position beyond 2^53 loses precision. */
  readonly positions: ReadonlyArray<keyof Table & string>
  /** The column that stays null while a row can change; without one, every row can. */
  readonly open?: keyof Table & string
}

/**
 * The rows of one table a batch works on, by account.
 * @category runtime
 * @since 0.1.0
 */
export interface BatchRows<Table> {
  /** The account's rows that are still open, oldest first. */
  openOf(accountId: string): ReadonlyArray<BatchRow<Table>>
  /** A row the batch creates; a key seen before in this batch fails the event. */
  insert(row: BatchRow<Table>): void
  /** Change a row that `openOf` returned. */
  update(row: BatchRow<Table>, changes: Partial<BatchRow<Table>>): void
  /**
   * Load the open rows of more accounts, for a later slice of the same batch; the accounts loaded
   * already keep their rows as the batch changed them.
   * @since 0.3.0
   */
  more(db: Kysely<any>, accountIds: Iterable<string>): Promise<void>
  /** Write back what the batch created and changed. */
  save(db: Kysely<any>): Promise<void>
}

interface Entry<Row> {
  row: Row
  readonly created: boolean
  changed: boolean
}

// An account's open rows: the entries, and their rows in the same order for `openOf` to copy.
interface Open<Row> {
  readonly entries: Array<Entry<Row>>
  readonly rows: Row[]
}

type Scoped = { readonly account_id: string }

const asText = (column: string): string => `${column}_as_text`

// A batch calls this once per row it creates: no array per call, and one column needs no join.
const keyOf = (row: Record<string, unknown>, key: ReadonlyArray<string>): string => {
  let text = String(row[key[0]!])
  for (let i = 1; i < key.length; i++) text += `\u0000${String(row[key[i]!])}`
  return text
}

// A loaded row with its positions taken from their text copies, built anew rather than by
// deleting the copies, which would leave the object slow to read for the rest of the batch.
const positionsAsText = (loaded: Record<string, unknown>, positions: ReadonlyArray<string>): Record<string, unknown> => {
  const row: Record<string, unknown> = {}
  for (const column in loaded) if (!column.endsWith('_as_text') || !positions.includes(column.slice(0, -'_as_text'.length))) row[column] = loaded[column]
  for (const column of positions) row[column] = loaded[asText(column)]
  return row
}

const compiledLoad = async (db: Kysely<any>, spec: BatchTable<any>, size: number): Promise<string> => {
  const known = compiledSqlOf(db)
  const shape = `load ${spec.table} ${spec.open ?? ''} ${spec.key.join(',')} ${spec.positions.join(',')} ${size}`
  const cached = known.get(shape)
  if (cached !== undefined) return cached
  let query = db
    .selectFrom(spec.table)
    .selectAll()
    .select(spec.positions.map((column) => sql<string>`cast(${sql.ref(column)} as text)`.as(asText(column))))
    .where('account_id', 'in', Array.from({ length: size }, (_, i) => `id-${i}`))
  if (spec.open !== undefined) query = query.where(spec.open, 'is', null)
  for (const column of spec.key) query = query.orderBy(column)
  const compiled = query.compile()
  if (compiled.parameters.length !== size) throw new Error(`${spec.table}: a load of ${size} accounts compiled to ${compiled.parameters.length} values`)
  known.set(shape, compiled.sql)
  return compiled.sql
}

/**
 * Load the open rows of `accountIds` from `spec.table` and track the batch's changes to them.
 * @category runtime
 * @since 0.1.0
 */
export const loadBatchRows = async <Table extends Scoped>(db: Kysely<any>, spec: BatchTable<Table>, accountIds: Iterable<string>): Promise<BatchRows<Table>> => {
  type Row = BatchRow<Table>
  const open = new Map<string, Open<Row>>()
  // Every entry the batch may write, in the order it met them; `save` keeps the changed ones.
  const entries: Array<Entry<Row>> = []
  const keys = new Set<string>()
  const openColumn = spec.open
  const isOpen = (row: Row) => openColumn === undefined || row[openColumn] === null
  const track = (entry: Entry<Row>) => {
    keys.add(keyOf(entry.row, spec.key))
    entries.push(entry)
    if (!isOpen(entry.row)) return
    const rows = open.get(entry.row.account_id)
    if (rows === undefined) open.set(entry.row.account_id, { entries: [entry], rows: [entry.row] })
    else (rows.entries.push(entry), rows.rows.push(entry.row))
  }

  const loadedAccounts = new Set<string>()
  const load = async (db: Kysely<any>, accountIds: Iterable<string>): Promise<void> => {
    const toLoad: string[] = []
    for (const accountId of accountIds) if (!loadedAccounts.has(accountId)) (loadedAccounts.add(accountId), toLoad.push(accountId))
    // Two values per id, so that a chunk padded to a power of two still fits in one statement.
    for (const chunk of statementChunks(toLoad, 2)) await loadChunk(db, chunk)
  }
  const loadChunk = async (db: Kysely<any>, chunk: ReadonlyArray<string>): Promise<void> => {
    // Padded to a power of two with the last id again, so that a table sees a handful of query
    // shapes, each built by Kysely once: a batch loads once per slice, a rebuild ten thousand times.
    let size = 1
    while (size < chunk.length) size *= 2
    const ids = chunk.length === size ? chunk : [...chunk, ...Array<string>(size - chunk.length).fill(chunk[chunk.length - 1]!)]
    const compiled = await compiledLoad(db, spec, size)
    const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(compiled, [...ids]))
    for (const loaded of result.rows) {
      track({ row: positionsAsText(loaded, spec.positions) as unknown as Row, created: false, changed: false })
    }
  }
  await load(db, accountIds)

  return {
    openOf: (accountId) => open.get(accountId)?.rows.slice() ?? [],
    insert(row) {
      if (keys.has(keyOf(row, spec.key))) throw new Error(`${spec.table}: a row with key ${spec.key.map((c) => `${c} = ${String(row[c])}`).join(', ')} exists already`)
      track({ row, created: true, changed: true })
    },
    update(row, changes) {
      const rows = open.get(row.account_id)
      const at = rows === undefined ? -1 : rows.rows.indexOf(row)
      if (at < 0) throw new Error(`${spec.table}: only an open row of this batch can be changed`)
      const entry = rows!.entries[at]!
      entry.row = { ...row, ...changes }
      entry.changed = true
      if (isOpen(entry.row)) rows!.rows[at] = entry.row
      else (rows!.entries.splice(at, 1), rows!.rows.splice(at, 1))
    },
    more: load,
    async save(db) {
      const created: Row[] = []
      const changed: Row[] = []
      for (const entry of entries) if (entry.changed) (entry.created ? created : changed).push(entry.row)
      await insertRows(db, spec.table, created)
      await upsertRows(db, spec.table, spec.key, changed)
    },
  }
}
