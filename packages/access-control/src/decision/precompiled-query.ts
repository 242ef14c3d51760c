/**
 * A query built and compiled once per database, then run with each call's arguments. Kysely
 * builds and compiles a query anew on every call; for the decision's one statement (five
 * subqueries and three joins) that took longer than SQLite took to answer it. The query is
 * built once with a placeholder value per argument, and the compiled parameters that hold a
 * placeholder are swapped for the call's arguments, position by position — so the dialect's
 * own compiler still writes the SQL, and an argument is never spliced into it.
 *
 * @module
 */
import type { CompiledQuery, Kysely, QueryResult } from 'kysely'

/**
 * A query that compiles, built from placeholders of its arguments.
 * @category decisions
 * @since 0.3.0
 */
export type QueryOf<DB, Args, Row> = (db: Kysely<DB>, args: Args) => { compile(): CompiledQuery<Row> }

/**
 * Run `build`'s query with `args`, compiled once per database.
 * @category decisions
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
  return (db: Kysely<DB>, args: Args): Promise<QueryResult<Row>> => {
    let once = compiled.get(db)
    if (once === undefined) {
      const query = build(db, placeholders).compile()
      once = { query, slots: query.parameters.map(slotOf) }
      compiled.set(db, once)
    }
    const { query, slots } = once
    return db.executeQuery<Row>({ ...query, parameters: query.parameters.map((value, i) => (slots[i] === null ? value : args[slots[i]!])) })
  }
}
