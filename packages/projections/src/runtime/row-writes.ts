/**
 * Multi-row writes of a batch: plain inserts for rows the batch created, and upserts
 * (`insert … on conflict (key) do update`) for rows it changed — a few statements per table and
 * batch instead of one per event, on SQLite and PostgreSQL alike.
 *
 * Rows go in chunks whose sizes are powers of two, so that a table sees only a handful of
 * statement shapes: each shape is built and compiled by Kysely once and then run with new
 * values, which spares building a query of thousands of values per batch, and lets SQLite reuse
 * its prepared statement. No statement binds more values than SQLite allows (32766; PostgreSQL
 * allows 65535).
 *
 * @module
 */
import { CompiledQuery, type Kysely } from 'kysely'
import { compiledSqlOf } from './compiled-sql.js'

const parameterLimit = 32_766

/**
 * The items in arrays of at most as many as fit in one statement of `width` values each.
 * @category runtime
 * @since 0.1.0
 */
export const statementChunks = <A>(items: ReadonlyArray<A>, width: number): ReadonlyArray<ReadonlyArray<A>> => {
  const size = Math.max(1, Math.floor(parameterLimit / Math.max(width, 1)))
  const chunks: A[][] = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}

// Descending powers of two that add up to `count`, none above `largest`.
const powerOfTwoSizes = (count: number, largest: number): number[] => {
  const sizes: number[] = []
  let cap = 1
  while (cap * 2 <= largest) cap *= 2
  for (let left = count; left > 0; ) {
    while (cap > left) cap /= 2
    sizes.push(cap)
    left -= cap
  }
  return sizes
}


// Exactly `columns`, counted without an array of keys per row (a rebuild checks a million rows).
const hasColumns = (row: object, columns: ReadonlyArray<string>): boolean => {
  let count = 0
  for (const column in row) if (Object.hasOwn(row, column)) count++
  return count === columns.length && columns.every((column) => Object.hasOwn(row, column))
}

type Build = (db: Kysely<any>, rows: ReadonlyArray<Record<string, unknown>>) => { compile(): CompiledQuery }

const write = async (db: Kysely<any>, kind: string, table: string, rows: ReadonlyArray<object>, build: Build): Promise<void> => {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  // One statement binds every row in the first row's columns: a column another row has or lacks would be dropped, or written as null.
  const odd = rows.find((row) => !hasColumns(row, columns))
  if (odd !== undefined) throw new Error(`${table}: every row of one ${kind} needs the columns ${columns.join(', ')}; a row has ${Object.keys(odd).join(', ')}`)
  const known = compiledSqlOf(db)
  let offset = 0
  for (const size of powerOfTwoSizes(rows.length, Math.max(1, Math.floor(parameterLimit / columns.length)))) {
    const chunk = rows.slice(offset, (offset += size)) as ReadonlyArray<Record<string, unknown>>
    const shape = `${kind} ${table} ${size} ${columns.join(',')}`
    let text = known.get(shape)
    if (text === undefined) {
      const template = build(db, Array.from({ length: size }, () => Object.fromEntries(columns.map((c) => [c, 0])))).compile()
      if (template.parameters.length !== size * columns.length) throw new Error(`${table}: a ${kind} of ${size} rows compiled to ${template.parameters.length} values`)
      text = template.sql
      known.set(shape, text)
    }
    // Sized once: a batch binds thousands of values, and a growing array would be copied as it grows.
    const parameters = new Array<unknown>(chunk.length * columns.length)
    let at = 0
    for (const row of chunk) for (const column of columns) parameters[at++] = row[column]
    await db.executeQuery(CompiledQuery.raw(text, parameters))
  }
}

/**
 * Insert `rows` (all with the same columns) into `table`; a row whose key exists fails the
 * statement, and so the batch.
 * @category runtime
 * @since 0.1.0
 */
export const insertRows = (db: Kysely<any>, table: string, rows: ReadonlyArray<object>): Promise<void> =>
  write(db, 'insert', table, rows, (db, template) => db.insertInto(table).values(template as never))

/**
 * Insert `rows` (all with the same columns) into `table`, or overwrite every other column of the
 * row with the same `key`.
 * @category runtime
 * @since 0.1.0
 */
export const upsertRows = (db: Kysely<any>, table: string, key: ReadonlyArray<string>, rows: ReadonlyArray<object>): Promise<void> =>
  write(db, `upsert(${key.join(',')})`, table, rows, (db, template) => {
    const columns = Object.keys(template[0]!).filter((column) => !key.includes(column))
    return db
      .insertInto(table)
      .values(template as never)
      .onConflict((oc) => oc.columns(key as never).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never))
  })
