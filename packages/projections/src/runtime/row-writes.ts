/**
 * Multi-row writes of a batch: plain inserts for rows the batch created, and upserts
 * (`insert … on conflict (key) do update`) for rows it changed — a few statements per table and
 * batch instead of one per event, on SQLite and PostgreSQL alike. Statements are cut so that
 * none binds more values than SQLite allows (32766; PostgreSQL allows 65535).
 *
 * @module
 */
import type { Kysely } from 'kysely'

const parameterLimit = 32_766

const chunksOf = <A>(items: ReadonlyArray<A>, size: number): ReadonlyArray<ReadonlyArray<A>> => {
  const chunks: A[][] = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}

/**
 * The items in arrays of at most as many as fit in one statement of `width` values each.
 * @category runtime
 * @since 0.1.0
 */
export const statementChunks = <A>(items: ReadonlyArray<A>, width: number): ReadonlyArray<ReadonlyArray<A>> =>
  chunksOf(items, Math.max(1, Math.floor(parameterLimit / Math.max(width, 1))))

/**
 * Insert `rows` into `table`; a row whose key exists fails the statement, and so the batch.
 * @category runtime
 * @since 0.1.0
 */
export const insertRows = async (db: Kysely<any>, table: string, rows: ReadonlyArray<object>): Promise<void> => {
  if (rows.length === 0) return
  for (const chunk of statementChunks(rows, Object.keys(rows[0]!).length)) await db.insertInto(table).values(chunk as never).execute()
}

/**
 * Insert `rows` into `table`, or overwrite every other column of the row with the same `key`.
 * @category runtime
 * @since 0.1.0
 */
export const upsertRows = async (db: Kysely<any>, table: string, key: ReadonlyArray<string>, rows: ReadonlyArray<object>): Promise<void> => {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!).filter((column) => !key.includes(column))
  for (const chunk of statementChunks(rows, columns.length + key.length)) {
    await db
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) => oc.columns(key as never).doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never))
      .execute()
  }
}
