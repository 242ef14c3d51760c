/**
 * The stored rows of a SQLite log read through the store port (`readStoredAll`), over a
 * connection the test holds — so a test can change bytes inside a transaction and verify them.
 *
 * @module
 */
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'

/** The store over `db`, or over the file at `path` opened read-only. */
export const storeOver = (at: Database.Database | string) => {
  const opened = openSqliteEventStore({ database: typeof at === 'string' ? new Database(at, { readonly: true }) : at })
  if (E.isLeft(opened)) throw opened.left
  return opened.right
}

/** The rows of the log on `db`, or in the file at `path`. */
export const storedRows = (at: Database.Database | string) => storeOver(at).readStoredAll()
