// The dialects the feature suites run on: real SQLite files in a temporary directory, and a
// database of its own on the PostgreSQL server of DESIGN.md, dropped when the run ends. Each
// `open()` gives an empty read-model database (a new file, or a new schema).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReadModels } from '@account-ownership/projections'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import type { Kysely } from 'kysely'
import pg from 'pg'

export interface TestDialect {
  readonly name: 'sqlite' | 'postgres'
  open(): Promise<Kysely<ReadModels>>
  close(): Promise<void>
}

export const sqliteTestDialect = (): TestDialect => {
  const dir = mkdtempSync(join(tmpdir(), 'ao-projections-'))
  const opened: Kysely<ReadModels>[] = []
  return {
    name: 'sqlite',
    async open() {
      const db = sqliteReadModels(join(dir, `read-models-${opened.length}.db`))
      opened.push(db)
      return db
    },
    async close() {
      for (const db of opened.splice(0)) await db.destroy().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' }

export const postgresTestDialect = (): TestDialect => {
  const database = `ao_test_${Math.random().toString(36).slice(2, 10)}`
  const opened: Kysely<ReadModels>[] = []
  let created: Promise<void> | undefined
  const admin = async <A>(work: (client: pg.Client) => Promise<A>): Promise<A> => {
    const client = new pg.Client({ ...server, database: 'postgres', connectionTimeoutMillis: 5000 })
    try {
      await client.connect()
    } catch (cause) {
      throw new Error(
        `PostgreSQL is not reachable at ${server.host}:${server.port} as user ${server.user} (${(cause as Error).message}). ` +
          'These integration tests need it; start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (.ci/run does).',
        { cause },
      )
    }
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  return {
    name: 'postgres',
    async open() {
      created ??= admin(async (c) => void (await c.query(`create database ${database}`)))
      await created
      const schema = `s${opened.length}`
      const setup = new pg.Client({ ...server, database })
      await setup.connect()
      await setup.query(`create schema ${schema}`)
      await setup.end()
      // A property opens a database per run and keeps each until the file's end: idle connections
      // close soon, so that a few hundred runs stay within the server's max_connections.
      const db = postgresReadModels({ ...server, database, max: 4, idleTimeoutMillis: 200, options: `-c search_path=${schema}` })
      opened.push(db)
      return db
    },
    async close() {
      for (const db of opened.splice(0)) await db.destroy().catch(() => undefined)
      if (created !== undefined) await admin(async (c) => void (await c.query(`drop database if exists ${database} with (force)`)))
    },
  }
}
