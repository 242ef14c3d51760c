// A database of its own on the PostgreSQL server of DESIGN.md (127.0.0.1:5432, user postgres),
// created for one test file and dropped after it.
import type { Kysely } from 'kysely'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import pg from 'pg'
import { afterAll } from 'vitest'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' }

const admin = async (sql: string): Promise<void> => {
  const client = new pg.Client({ ...server, database: 'postgres', connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
  } catch (cause) {
    throw new Error(`PostgreSQL is not reachable at ${server.host}:${server.port} (${(cause as Error).message}); start it with \`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\`.`, { cause })
  }
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** A new, empty database for each call, opened as read models; all are dropped after the file. */
export const postgresDatabases = <DB>(): (() => Promise<Kysely<DB>>) => {
  const made: Array<{ readonly name: string; readonly db: Kysely<DB> }> = []
  afterAll(async () => {
    for (const { name, db } of made) {
      await db.destroy()
      await admin(`drop database if exists ${name} with (force)`)
    }
  })
  return async () => {
    const name = `ao_access_${Math.random().toString(36).slice(2, 10)}`
    await admin(`create database ${name}`)
    const db = postgresReadModels<DB>({ ...server, database: name, max: 4 })
    made.push({ name, db })
    return db
  }
}
