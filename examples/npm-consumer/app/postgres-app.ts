// PostgreSQL only: the keys and the read models in the database named by the connection string
// given first on the command line, the log in memory; installed beside it are pg and no
// better-sqlite3.
import { inMemoryEventStore } from '@account-ownership/core'
import type { AuditTables } from '@account-ownership/dsgvo'
import { postgresKeyStore } from '@account-ownership/dsgvo/postgres'
import type { ReadModels } from '@account-ownership/projections'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import pg from 'pg'
import { story } from './story.js'

const pool = new pg.Pool({ connectionString: process.argv[2] })
const keys = await postgresKeyStore(pool)
if (keys._tag === 'Left') throw new Error(keys.left.message)
const db = postgresReadModels<ReadModels & AuditTables>(pool)
try {
  console.log(JSON.stringify(await story(inMemoryEventStore(), keys.right, db)))
} finally {
  await db.destroy() // ends the pool too
}
