/**
 * The baseline of the query benchmarks: the lookup of an account's ownership period at an
 * instant as one prepared better-sqlite3 statement, without Kysely and without argument checks,
 * in two forms — with bare `?` parameters, which SQLite prepares again at every call (the
 * account id beside an ORDER BY, see `sqlite-opaque-parameters.ts`), and with the account id cast
 * to text, as the read models now bind it.
 *
 * @module
 */
import type Database from 'better-sqlite3'

const lookup = (accountId: string) =>
  `SELECT * FROM ownership_periods WHERE account_id = ${accountId} AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY valid_from DESC, began_at_position DESC LIMIT 1`

/** The two forms of the lookup on `db`; each takes the account id and the instant. */
export const periodLookup = (db: Database.Database) => {
  const bare = db.prepare(lookup('?'))
  const planned = db.prepare(lookup('CAST(? AS TEXT)'))
  return {
    bare: (accountId: string, at: string): unknown => bare.get(accountId, at, at),
    planned: (accountId: string, at: string): unknown => planned.get(accountId, at, at),
  }
}
