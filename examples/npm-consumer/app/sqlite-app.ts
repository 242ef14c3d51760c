// SQLite only: the event log, the keys and the read models in files of the folder named first
// on the command line; installed beside it are better-sqlite3 and no pg.
import type { AuditTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import type { ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { story } from './story.js'

const dir = process.argv[2] ?? '.'
const opened = openSqliteEventStore({ path: join(dir, 'kunden.db') })
if (opened._tag === 'Left') throw new Error(opened.left.message)
const keys = sqliteKeyStore(new Database(join(dir, 'schluessel.db')), { owned: true })
const db = sqliteReadModels<ReadModels & AuditTables>(join(dir, 'read-models.db'))
try {
  console.log(JSON.stringify(await story(opened.right, keys, db)))
} finally {
  await db.destroy()
  await keys.close()
  await opened.right.close()
}
