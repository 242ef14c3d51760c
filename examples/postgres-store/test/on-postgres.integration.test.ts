// The PostgreSQL example, run as a script against a database of its own on 127.0.0.1:5432
// (dropped afterwards): it answers as the SQLite version does, a second run records nothing
// twice, the log and the read models share the database, and an unreachable server is a typed
// error with exit code 1. Without a server the tests show as skipped, with the reason.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' }
const name = `ao_example_postgres_${process.pid}_${Date.now()}`
const admin = new pg.Client({ ...server, database: 'postgres' })
const unreachable = await admin.connect().then(
  () => undefined,
  (e: unknown) => `PostgreSQL at 127.0.0.1:5432 not reachable: ${e instanceof Error ? e.message : String(e)}`,
)
const script = join(import.meta.dirname, '../src/on-postgres.ts')
const run = (databaseUrl: string) => spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } })
const url = `postgres://postgres@127.0.0.1:5432/${name}`

describe.skipIf(unreachable !== undefined)(`the first example on PostgreSQL${unreachable === undefined ? '' : ` (skipped: ${unreachable})`}`, () => {
  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${name}`)
  })
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })

  it('answers who owned kunde-1 in February: hanna, until the transfer to felix', () => {
    const first = run(url)
    expect(first.stderr).toBe('')
    expect(first.stdout).toContain("ownerId: 'hanna'")
    expect(first.stdout).toContain("to: '2026-03-01T08:00:00.000Z'")
  })

  it('answers the same on a second run, which finds every command done and records nothing', async () => {
    const count = async () => {
      const client = new pg.Client({ ...server, database: name })
      await client.connect()
      try {
        return (await client.query<{ n: string }>('select count(*) as n from account_ownership.ao_events')).rows[0]?.n
      } finally {
        await client.end()
      }
    }
    const before = await count()
    expect(run(url).stdout).toContain("ownerId: 'hanna'")
    expect(await count()).toBe(before)
  })

  it('keeps the log (schema account_ownership) and the read models in the same database', async () => {
    const client = new pg.Client({ ...server, database: name })
    await client.connect()
    const tables = (await client.query<{ t: string }>("select table_schema || '.' || table_name as t from information_schema.tables where table_schema in ('public', 'account_ownership') order by 1")).rows.map((r) => r.t)
    await client.end()
    expect(tables).toEqual(expect.arrayContaining(['public.current_owners', 'public.ownership_periods', 'public.projection_checkpoints']))
    expect(tables.some((t) => t.startsWith('account_ownership.'))).toBe(true)
  })

  it('stops with a typed error and exit code 1 when the database does not exist', () => {
    const failed = run(`postgres://postgres@127.0.0.1:5432/${name}_missing`)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(/^\w+Error: /m)
    expect(failed.stdout).not.toContain('ownerId')
  })
})
