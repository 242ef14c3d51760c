/**
 * A small real log for the chain tests: three accounts with owners, teams, grants and contact
 * persons (encrypted), written through the SQLite store into a file.
 *
 * @module
 */
import { accountStream, type AccountEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { encryptingEventStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { mapped } from '../stakeholders.js'

/** Write the log into `logPath`, keys into `keyPath`; answers the open stores. */
export const chainedLog = async (logPath: string, keyPath: string) => {
  const opened = openSqliteEventStore({ path: logPath })
  if (E.isLeft(opened)) throw opened.left
  const keyDb = new Database(keyPath)
  const keys = sqliteKeyStore(keyDb)
  const store = encryptingEventStore({ store: opened.right, keys })
  for (const [i, id] of ['kunde-1', 'kunde-2', 'kunde-3'].entries()) {
    const events: AccountEvent[] = [...openedAccountEvents(account(id)), mapped(`contact-${i}`, `Kontakt Nummer ${i}`, `kontakt${i}@example.de`, account(id))]
    const appended = await store.append(accountStream(account(id)), events.map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    if (E.isLeft(appended)) throw appended.left
  }
  return { store, keys, close: async () => { await store.close(); keyDb.close() } }
}
