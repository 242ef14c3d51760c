/**
 * A query built and compiled once per database, then run with each call's arguments. Kysely
 * builds and compiles a query anew on every call, which takes longer than SQLite takes to answer
 * a lookup by index (`ownerAt`) or access-control's one decision statement. The query is
 * built once with a placeholder value per argument, and the compiled parameters that hold a
 * placeholder are swapped for the call's arguments, position by position — so the dialect's
 * own compiler still writes the SQL, and an argument is never spliced into it. A builder that
 * leaves an argument out, or changes a placeholder before it becomes a parameter (`upper(x)` in
 * JavaScript, a literal), would freeze that placeholder into the statement for every call: it
 * is refused when first compiled.
 *
 * @module
 */
import type { CompiledQuery, Kysely, QueryResult } from 'kysely'

/**
 * A query that compiles, built from placeholders of its arguments.
 * @category queries
 * @since 0.3.0
 */
export type QueryOf<DB, Args, Row> = (
  db: Kysely<DB>,
  args: Args,
) => {
  /** The query as the database's dialect compiles it. */
  compile(): CompiledQuery<Row>
}

/**
 * Run `build`'s query with `args`, compiled once per database.
 * @category queries
 * @since 0.3.0
 * @example
 * const factsOf = precompiled(factRows, ['accountId', 'principalId', 'at'])
 * const { rows } = await factsOf(db, { accountId: 'kunde-1', principalId: 'sven', at: '2026-03-04T10:00:00.000Z' })
 */
export const precompiled = <DB, Args extends Readonly<Record<string, string>>, Row>(build: QueryOf<DB, Args, Row>, names: ReadonlyArray<keyof Args & string>) => {
  // A Transaction is a Kysely of its own: it compiles again, and its entry goes with it.
  const compiled = new WeakMap<Kysely<DB>, { readonly query: CompiledQuery<Row>; readonly slots: ReadonlyArray<(keyof Args & string) | null> }>()
  const placeholders = Object.fromEntries(names.map((name) => [name, `\u0000${name}\u0000`])) as unknown as Args
  const slotOf = (parameter: unknown) => names.find((name) => parameter === placeholders[name]) ?? null
  // A defect of the builder, not of a call: every call would answer for the placeholder.
  const defectOf = (query: CompiledQuery<Row>, slots: ReadonlyArray<string | null>): Error | undefined => {
    const frozen = query.sql.includes('\u0000') || query.parameters.some((value, i) => slots[i] === null && typeof value === 'string' && value.includes('\u0000'))
    const missing = names.filter((name) => !slots.includes(name))
    if (!frozen && missing.length === 0) return undefined
    return new Error(`a precompiled query must pass each argument unchanged as a parameter: ${frozen ? 'a placeholder was changed or written into the SQL' : `no parameter holds ${missing.join(', ')}`}`)
  }
  return (db: Kysely<DB>, args: Args): Promise<QueryResult<Row>> => {
    let once = compiled.get(db)
    if (once === undefined) {
      const query = build(db, placeholders).compile()
      once = { query, slots: query.parameters.map(slotOf) }
      const defect = defectOf(query, once.slots)
      if (defect !== undefined) return Promise.reject(defect)
      compiled.set(db, once)
    }
    const { query, slots } = once
    return db.executeQuery<Row>({ ...query, parameters: query.parameters.map((value, i) => (slots[i] === null ? value : args[slots[i]!])) })
  }
}
