// A PostgreSQL user's install: the packed core, projections and dsgvo with pg, installed by plain
// npm into an empty folder — no better-sqlite3, no store-sqlite — type-checks and runs a small app
// (app/postgres-app.ts) against the server on 127.0.0.1:5432, in a database of its own that is
// dropped afterwards. Skipped, with the reason, when the server cannot be reached.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importsIn, npmConsumer, packed, runNode, typeCheck } from './packed-install.js'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' }
const database = `ao_npm_consumer_${process.pid}_${Date.now()}`
const postgresEntryPoints = ['core', 'projections', 'projections/postgres', 'dsgvo', 'dsgvo/postgres'].map((p) => `@account-ownership/${p}`)

const tarballs = packed(['core', 'projections', 'dsgvo'])
const consumer = npmConsumer('postgres', [...tarballs.values()], ['pg@^8', '@types/pg@^8', '@types/node@^24'])

// The consumer's own pg creates and drops the database: the workspace lends it nothing.
type Client = { connect(): Promise<void>; query(sql: string): Promise<unknown>; end(): Promise<void> }
const admin = (): Client => {
  const pg = createRequire(join(consumer, 'package.json'))('pg') as { Client: new (config: object) => Client }
  return new pg.Client({ ...server, database: 'postgres' })
}
const unreachable = await (async () => {
  const client = admin()
  try {
    await client.connect()
    await client.query(`CREATE DATABASE ${database}`)
    return undefined
  } catch (e) {
    return `PostgreSQL at 127.0.0.1:5432 not reachable: ${e instanceof Error ? e.message : String(e)}`
  } finally {
    await client.end().catch(() => undefined)
  }
})()

describe.skipIf(unreachable !== undefined)(`a PostgreSQL user: core, projections, dsgvo and pg, installed by npm${unreachable === undefined ? '' : ` (skipped: ${unreachable})`}`, { timeout: 300_000 }, () => {
  afterAll(async () => {
    const client = admin()
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await client.end()
  })

  it('has neither better-sqlite3 nor the SQLite store installed', () => {
    expect(existsSync(join(consumer, 'node_modules', 'pg'))).toBe(true)
    expect(existsSync(join(consumer, 'node_modules', 'better-sqlite3'))).toBe(false)
    expect(existsSync(join(consumer, 'node_modules', '@types', 'better-sqlite3'))).toBe(false)
    expect(existsSync(join(consumer, 'node_modules', '@account-ownership', 'store-sqlite'))).toBe(false)
  })

  it('imports every entry point but the SQLite read models, which name the missing better-sqlite3', () => {
    const imported = importsIn(consumer, [...postgresEntryPoints, '@account-ownership/projections/sqlite'])
    for (const specifier of postgresEntryPoints) expect({ specifier, ...imported[specifier] }).toEqual({ specifier, exports: expect.any(Number) })
    expect(imported['@account-ownership/projections/sqlite']).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND', message: expect.stringContaining("'better-sqlite3'") })
  })

  it('type-checks an app against the installed declaration files, which need no better-sqlite3 types', () => {
    expect(typeCheck(consumer, ['story.ts', 'postgres-app.ts'])).toBe('')
  })

  it('runs the app: read models and audit tables in one PostgreSQL database, answered by both packages', () => {
    const run = runNode(consumer, ['out/postgres-app.js', `postgres://${server.user}@${server.host}:${server.port}/${database}`])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({
      eventsProjected: 4,
      ownerOn14February: 'hanna',
      hannaOwned: [['2026-01-05T09:01:00.000Z', '2026-03-01T08:00:00.000Z']],
      erikaAsHeld: ['Erika Mustermann'],
    })
  })
})
