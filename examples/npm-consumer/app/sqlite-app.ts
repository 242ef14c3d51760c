// SQLite only: the event log, the keys and the read models in files of the folder named first
// on the command line; installed beside it are better-sqlite3 and no pg.
import type { AuditTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import type { ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { readAllPages, type RecordedEvent } from '@account-ownership/core'
import { openSqliteEventStore, readAheadChannel, type ReadAheadNotice } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { subscribe } from 'node:diagnostics_channel'
import { join } from 'node:path'
import { story } from './story.js'

// The log read twice, on this thread and read ahead on the installed worker thread's file.
const readAheadOf = async (path: string) => {
  const notices: ReadAheadNotice[] = []
  subscribe(readAheadChannel, (notice) => void notices.push(notice as ReadAheadNotice))
  const read = async (readAhead: { minEvents: number } | false) => {
    const store = openSqliteEventStore({ path, readonly: true, readAhead })
    if (store._tag === 'Left') throw new Error(store.left.message)
    const events: RecordedEvent[] = []
    for await (const page of readAllPages(store.right, { batchSize: 2 })) events.push(...page)
    await store.right.close()
    return events
  }
  const [onOneThread, ahead] = [await read(false), await read({ minEvents: 0 })]
  return { notices: notices.map((n) => n.readAhead), sameEvents: JSON.stringify(ahead, (_, v) => (typeof v === 'bigint' ? `${v}` : v)) === JSON.stringify(onOneThread, (_, v) => (typeof v === 'bigint' ? `${v}` : v)) }
}

const dir = process.argv[2] ?? '.'
const opened = openSqliteEventStore({ path: join(dir, 'kunden.db') })
if (opened._tag === 'Left') throw new Error(opened.left.message)
const keys = sqliteKeyStore(new Database(join(dir, 'schluessel.db')), { owned: true })
const db = sqliteReadModels<ReadModels & AuditTables>(join(dir, 'read-models.db'))
try {
  const told = await story(opened.right, keys, db)
  await opened.right.close()
  console.log(JSON.stringify({ ...told, readAhead: await readAheadOf(join(dir, 'kunden.db')) }))
} finally {
  await db.destroy()
  await keys.close()
  await opened.right.close()
}
