/**
 * The encrypting store as the personal-data tests use it: over an in-memory log, with keys in a
 * SQLite file of the test file's scratch directory; and a read of a whole log into a list.
 *
 * @module
 */
import { inMemoryEventStore, type RecordedEvent } from '@account-ownership/core'
import { encryptingEventStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import type { scratchDir } from '../scratch-dir.js'

/** A plain in-memory log, a key store, and the encrypting store over both. */
export const encryptingInMemory = (scratch: ReturnType<typeof scratchDir>) => {
  const plain = inMemoryEventStore()
  const keys = sqliteKeyStore(new Database(scratch.file()), { owned: true })
  return { plain, keys, store: encryptingEventStore({ store: plain, keys }) }
}

/** Every event of a read, in order. */
export const all = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = []
  for await (const e of events) out.push(e)
  return out
}
