// The CLI on a PostgreSQL event log (postgres://… as --store): the same history written through
// the PostgreSQL store answers the same questions, and its chain verifies. Needs the server at
// 127.0.0.1:5432; each run creates its own database and drops it.
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { writeAuditHistory } from './audit-log-fixture.js'
import { runBinary } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const name = `ao_cli_${process.pid}_${Date.now()}`
const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' })
let skip: string | undefined
let events = 0
const dir = scratchDir('postgres')
const url = `postgres://postgres@127.0.0.1:5432/${name}?schema=kunden`

beforeAll(async () => {
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
  } catch (e) {
    skip = `PostgreSQL at 127.0.0.1:5432 not reachable: ${e instanceof Error ? e.message : String(e)}`
    return
  }
  const opened = await openPostgresEventStore({ connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: name }, schema: 'kunden' })
  if (E.isLeft(opened)) throw opened.left
  events = await writeAuditHistory(opened.right)
  await opened.right.close()
})

afterAll(async () => {
  if (skip === undefined) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end().catch(() => undefined)
})

describe('the CLI on PostgreSQL', () => {
  it('answers owner, orphans and verify from a postgres:// store', (context) => {
    if (skip !== undefined) return context.skip(skip)
    const owner = runBinary(['--store', url, '--json', 'owner', 'kunde-1', '--at', '2025-01-25'])
    expect(owner.stderr).toBe('')
    expect(JSON.parse(owner.stdout)).toMatchObject({ owner: { ownerId: 'hanna' } })
    expect(runBinary(['--store', url, 'orphans']).code).toBe(1)
    const verified = runBinary(['--store', url, '--json', 'verify'])
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events })
  })

  it('copy moves the log from PostgreSQL into a new SQLite file that verifies with the same head', (context) => {
    if (skip !== undefined) return context.skip(skip)
    const to = join(dir, 'copy.db')
    const copied = runBinary(['--json', 'copy', url, `sqlite:${to}`])
    expect(copied.stderr).toBe('')
    expect(JSON.parse(copied.stdout)).toMatchObject({ copied: events, verified: events })
    const heads = [url, `sqlite:${to}`].map((s) => (JSON.parse(runBinary(['--store', s, '--json', 'verify']).stdout) as { head: unknown }).head)
    expect(heads[1]).toEqual(heads[0])
  })

  it('a server that does not answer is a failure (exit code 3), not a hang', () => {
    const run = runBinary(['--store', 'postgres://postgres@127.0.0.1:1/none', 'orphans'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('could not be opened')
  })
})
