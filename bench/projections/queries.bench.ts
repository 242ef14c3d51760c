// Latency of `ownerAt` and `accessAt` on read models built from the 1 M event log (20,000
// accounts, 13 ownership periods and 12 grants each), in SQLite, beside a baseline in the same
// run: the same lookup of the ownership period as one prepared better-sqlite3 statement, without
// Kysely and without argument checks (`period-lookup.ts`), in both forms of binding. Accounts and
// times are drawn at random (fixed seed); each figure is over 10,000 calls after 1,000 warm-up
// calls.
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { accessAt, accessProjection, ownerAt, ownershipHistoryProjection, projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { eventLog, eventsPerAccount, occurredAt } from './event-log.js'
import { latencyPercentiles } from '../latency-percentiles.js'
import { periodLookup } from './period-lookup.js'

const accounts = 20_000
const calls = 10_000
const warmup = 1_000
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-queries-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, 'read-models.db')

const opened = openSqliteEventStore({ path: eventLog(accounts), readonly: true })
if (opened._tag === 'Left') throw opened.left
const db = sqliteReadModels(file)
const built = await projectionRuntime({ store: opened.right, db, projections: [ownershipHistoryProjection, accessProjection], batchSize: 1000 }).rebuild()
if (built._tag === 'Left') throw built.left
await opened.right.close()

let seed = 42
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed % n
}
const probe = () => {
  const a = random(accounts)
  return { accountId: `kunde-${a}`, at: occurredAt(a, random(eventsPerAccount + 10)) }
}

const latencies = (call: (p: { accountId: string; at: string }) => unknown) => latencyPercentiles(probe, call, { warmup, calls })

const raw = new Database(file, { readonly: true })
const period = periodLookup(raw)
const baseline = await latencies(({ accountId, at }) => period.planned(accountId, at))
const bare = await latencies(({ accountId, at }) => period.bare(accountId, at))
const owner = await latencies(async ({ accountId, at }) => {
  const r = await ownerAt(db, accountId, at)
  if (r._tag === 'Left') throw new Error(r.left.message)
})
const access = await latencies(async ({ accountId, at }) => {
  const r = await accessAt(db, accountId, at)
  if (r._tag === 'Left') throw new Error(r.left.message)
})
raw.close()
await db.destroy()

const us = (ms: number) => `${Math.round(ms * 1000)} µs`
console.log(
  [
    '## projections: `ownerAt` / `accessAt` latency on read models of 1 M events (SQLite)',
    '',
    `${accounts.toLocaleString('en-US')} accounts, ${(accounts * 13).toLocaleString('en-US')} ownership periods, ${(accounts * 12).toLocaleString('en-US')} grants; ${calls.toLocaleString('en-US')} calls each at random accounts and times. Target: p99 < 1 ms.`,
    '',
    '| query | p50 | p99 |',
    '|---|---:|---:|',
    `| baseline: ownership period lookup, one prepared better-sqlite3 statement, the account id cast to text | ${us(baseline.p50)} | ${us(baseline.p99)} |`,
    `| the same with a bare \`?\` (SQLite prepares it again at every call) | ${us(bare.p50)} | ${us(bare.p99)} |`,
    `| \`ownerAt\` (Kysely, arguments checked) | ${us(owner.p50)} | ${us(owner.p99)} |`,
    `| \`accessAt\` (archive check, owner, grants: 3 queries) | ${us(access.p50)} | ${us(access.p99)} |`,
    '',
  ].join('\n'),
)
