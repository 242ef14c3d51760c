// Access decisions on read models of 1 M events (the projections benchmarks' log: 20,000
// accounts, 13 ownership periods, 12 grants each), in SQLite, each figure beside a baseline in
// the same run:
// - latency of `authorize` beside one prepared better-sqlite3 lookup of the ownership period;
// - throughput of decisions recorded in the access log (batched, in an event store file of its
//   own) beside the same decisions unlogged, and beside recording each in an append of its own.
// Principals, accounts and times are drawn at random (fixed seed).
import { accessLog, authorize, decisionProjections, type AccessDecision, type DecisionTables } from '@account-ownership/access-control'
import { accessProjection, currentOwnerProjection, ownershipHistoryProjection, projectionRuntime, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { eventLog, eventsPerAccount, occurredAt } from '../projections/event-log.js'
import { latencyPercentiles } from '../latency-percentiles.js'
import { periodLookup } from '../projections/period-lookup.js'

const accounts = 20_000
const calls = 5_000
const warmup = 1_000
const logged = 10_000
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-access-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const projections = [currentOwnerProjection, ownershipHistoryProjection, accessProjection, ...decisionProjections]

// The read models are built once and kept beside the event log (the name carries the projections'
// versions): building them is the rebuild benchmark's business, not this one's.
const file = join(tmpdir(), `ao-bench-access-read-models-${projections.map((p) => `${p.name}.${p.version}`).join('-')}-${accounts}.db`)
if (!existsSync(file)) {
  const opened = openSqliteEventStore({ path: eventLog(accounts), readonly: true })
  if (opened._tag === 'Left') throw opened.left
  rmSync(`${file}.tmp`, { force: true })
  const building = sqliteReadModels<ReadModels & DecisionTables>(`${file}.tmp`)
  const built = await projectionRuntime({ store: opened.right, db: building, projections, batchSize: 1000 }).rebuild()
  if (built._tag === 'Left') throw built.left
  await opened.right.close()
  await building.destroy()
  renameSync(`${file}.tmp`, file)
}
const db = sqliteReadModels<ReadModels & DecisionTables>(file)

let seed = 42
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed % n
}
// Owners, grantees and others, at times across each account's history.
const probe = () => {
  const a = random(accounts)
  return { principalId: `p-${random(200)}`, accountId: `kunde-${a}`, action: 'read' as const, purpose: 'customer-support', at: occurredAt(a, random(eventsPerAccount + 10)) }
}
type Probe = ReturnType<typeof probe>

const decide = async (p: Probe): Promise<AccessDecision> => {
  const r = await authorize(db, p)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

const latencies = (call: (p: Probe) => unknown) => latencyPercentiles(probe, call, { warmup, calls })

const raw = new Database(file, { readonly: true })
const period = periodLookup(raw)
const baseline = await latencies(({ accountId, at }) => period.planned(accountId, at))
const outcomes = new Map<string, number>()
const decision = await latencies(async (p) => {
  const d = await decide(p)
  outcomes.set(d.reason, (outcomes.get(d.reason) ?? 0) + 1)
})
// The allowed path on its own: the owner at that time asks, found with the baseline statement
// while the probe is drawn, before the timer starts, so that the timing holds authorize alone.
const ownerProbe = (): Probe => {
  const p = probe()
  const owner = period.planned(p.accountId, p.at) as { owner_id: string } | undefined
  return { ...p, principalId: owner?.owner_id ?? p.principalId }
}
const ownerAsks = await latencyPercentiles(
  ownerProbe,
  async (p) => {
    const d = await decide(p)
    outcomes.set(d.reason, (outcomes.get(d.reason) ?? 0) + 1)
  },
  { warmup, calls },
)
raw.close()

// Throughput: `logged` decisions, 64 requests in flight as a busy service has them.
const inFlight = 64
const throughput = async (work: (p: Probe) => Promise<unknown>): Promise<number> => {
  const probes = Array.from({ length: logged }, probe)
  let next = 0
  const start = performance.now()
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < probes.length) await work(probes[next++]!)
  }))
  return logged / ((performance.now() - start) / 1000)
}
const logOf = (name: string, maxBatch: number) => {
  const store = openSqliteEventStore({ path: join(dir, `${name}.db`) })
  if (store._tag === 'Left') throw store.left
  const log = accessLog({ store: store.right, maxBatch })
  if (log._tag === 'Left') throw log.left
  return { store: store.right, log: log.right }
}
const record = (log: ReturnType<typeof logOf>['log']) => async (p: Probe) => {
  const recorded = await log.record(await decide(p), { tenantId: 'acme-de', correlationId: 'bench' })
  if (recorded._tag === 'Left') throw recorded.left
}
const unlogged = await throughput(decide)
const batched = logOf('batched', 256)
const withLog = await throughput(record(batched.log))
const single = logOf('single', 1)
const oneByOne = await throughput(record(single.log))
await batched.store.close()
await single.store.close()
await db.destroy()

const us = (ms: number) => `${Math.round(ms * 1000)} µs`
const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`
console.log(
  [
    '## access-control: `authorize` latency and the cost of the access log on read models of 1 M events (SQLite)',
    '',
    `${accounts.toLocaleString('en-US')} accounts, ${(accounts * 13).toLocaleString('en-US')} ownership periods, ${(accounts * 12).toLocaleString('en-US')} grants; ${calls.toLocaleString('en-US')} requests at random principals (200), accounts and times. Target: p99 < 1 ms. Reasons decided: ${[...outcomes].sort().map(([r, n]) => `${r} ${n}`).join(', ')}.`,
    '',
    '| call | p50 | p99 |',
    '|---|---:|---:|',
    `| baseline: ownership period lookup, one prepared better-sqlite3 statement, the account id cast to text | ${us(baseline.p50)} | ${us(baseline.p99)} |`,
    `| \`authorize\`, random principal: mostly denied (request decoded; one statement: account standing, offboarding, owner, team, the grants on the account, whether the principal is known) | ${us(decision.p50)} | ${us(decision.p99)} |`,
    `| \`authorize\`, the owner at that time asks (found with the baseline's statement before the timer starts): allowed | ${us(ownerAsks.p50)} | ${us(ownerAsks.p99)} |`,
    '',
    `${logged.toLocaleString('en-US')} decisions, ${inFlight} requests in flight; the access log in an event store file of its own (WAL), each \`record\` awaited before the request counts as done.`,
    '',
    '| decisions | throughput |',
    '|---|---:|',
    `| baseline: unlogged | ${perSecond(unlogged)} |`,
    `| logged, batched (group commit, up to 256 per append) | ${perSecond(withLog)} (${Math.round((1 - withLog / unlogged) * 100)} % fewer) |`,
    `| logged, one append per decision (\`maxBatch: 1\`) | ${perSecond(oneByOne)} (${Math.round((1 - oneByOne / unlogged) * 100)} % fewer) |`,
    '',
  ].join('\n'),
)
