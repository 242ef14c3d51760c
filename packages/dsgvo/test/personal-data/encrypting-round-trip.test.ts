import { inMemoryEventStore } from '@account-ownership/core'
import { roundTripContract } from '@account-ownership/core/testing'
import { encryptingEventStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe } from 'vitest'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('encrypting-round-trip')
const keys = () => sqliteKeyStore(new Database(scratch.file()), { owned: true })

// Invariant 11 through the encrypting store: the personal fields (a contact's name and e-mail, of
// any plane, up to their limits) are sealed on the way in and must open to exactly what was given.
describe('the encrypting store over the in-memory store', () => roundTripContract(async () => encryptingEventStore({ store: inMemoryEventStore(), keys: keys() })))

describe('the encrypting store over SQLite', () =>
  roundTripContract(async () => {
    const opened = openSqliteEventStore({ path: scratch.file() })
    if (E.isLeft(opened)) throw opened.left
    return encryptingEventStore({ store: opened.right, keys: keys() })
  }))
