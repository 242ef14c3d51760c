// Delay from an acknowledged append (its COMMIT returned) to the read models holding it, for a
// live projection runtime on the PostgreSQL store: woken by the store's commit notifications
// (LISTEN/NOTIFY), and by polling alone at its default interval. Baseline in the same run: a bare
// LISTEN connection, timing when the append's NOTIFY arrives — the floor any reader can reach.
// Read models live in PostgreSQL (the same server), as a PostgreSQL user would keep them.
import { currentOwnerProjection, projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { accountStream, type AccountId } from '@account-ownership/core'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { benchDatabase, classifiedEvent, quantile } from './bench-database.js'

const db = await benchDatabase('live')
const opened = await openPostgresEventStore({ connection: { ...db.connection, max: 2 }, schema: 'live' })
if (opened._tag === 'Left') throw opened.left
const store = opened.right
const accounts = 20
const opening = (a: number) =>
  ({
    ...classifiedEvent(`kunde-${a}`, `open-${a}`, 0),
    type: 'AccountOpened',
    data: { accountId: `kunde-${a}`, tenantId: 'acme-de', displayName: `Kunde ${a} GmbH`, tier: 'standard', openedBy: 'dora' },
  }) as ReturnType<typeof classifiedEvent>
for (let a = 0; a < accounts; a++) {
  const result = await store.append(accountStream(`kunde-${a}` as AccountId), [opening(a)], { expectedVersion: 'no-stream' })
  if (result._tag === 'Left') throw result.left
}

let seq = 0
// The delays of `samples` appends, each measured from the append's answer to `arrived(position)`.
const measure = async (samples: number, reached: (position: bigint) => Promise<void>): Promise<number[]> => {
  const delays: number[] = []
  for (let s = 0; s < samples; s++) {
    const a = seq % accounts
    const result = await store.append(accountStream(`kunde-${a}` as AccountId), [classifiedEvent(`kunde-${a}`, `live-${seq}`, seq)], { expectedVersion: 'any' })
    seq++
    if (result._tag === 'Left') throw result.left
    const committed = performance.now()
    await reached(result.right.lastGlobalPosition)
    delays.push(performance.now() - committed)
    await sleep(5 + Math.random() * 20) // appends arrive at random moments, not in step with anything
  }
  return delays
}
// A position that moves, and waiting for it without spinning: a busy wait would take the CPU
// the server and the runtime need on a small machine.
const progress = () => {
  let at = 0n
  const waiting = new Set<{ position: bigint; resolve: () => void }>()
  return {
    current: () => at,
    advance: (position: bigint) => {
      if (position > at) at = position
      for (const w of waiting) if (w.position <= at) (waiting.delete(w), w.resolve())
    },
    until: (position: bigint) => (position <= at ? Promise.resolve() : new Promise<void>((resolve) => waiting.add({ position, resolve }))),
  }
}

// Baseline: a bare LISTEN connection.
const listener = new pg.Client(db.connection)
await listener.connect()
const notified = progress()
listener.on('notification', (m) => notified.advance(BigInt(m.payload ?? '0')))
await listener.query(`LISTEN "${store.commitChannel}"`)
const bare = await measure(300, notified.until)
await listener.end()

// The runtime, woken by notifications, then polling only.
const runWith = async (commits: boolean, samples: number, schema: string, projections: typeof readModelProjections = readModelProjections, settings = '') => {
  const readModels = postgresReadModels({ ...db.connection, max: 2, options: `-c search_path=${schema} ${settings}` })
  const admin = new pg.Client(db.connection)
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const projected = progress()
  const runtime = projectionRuntime({ store, db: readModels, projections, ...(commits ? { commits: store } : {}), onProgress: (p) => projected.advance(p.position) })
  const live = runtime.runLive()
  const head = await store.headPosition()
  if (head._tag === 'Left') throw head.left
  await projected.until(head.right)
  const delays = await measure(samples, projected.until)
  await runtime.stop()
  const outcome = await live
  if (outcome._tag === 'Left') throw outcome.left
  await readModels.destroy()
  return delays
}
const notifiedRuntime = await runWith(true, 300, 'rm_notified')
const oneReadModel = await runWith(true, 300, 'rm_current_owner', [currentOwnerProjection as (typeof readModelProjections)[number]])
const asyncCommit = await runWith(true, 300, 'rm_async', readModelProjections, '-c synchronous_commit=off')
const pollingRuntime = await runWith(false, 20, 'rm_polling')
await store.close()
await db.drop()

const ms = (x: number) => x.toFixed(1)
const row = (what: string, d: number[]) => `| ${what} | ${d.length} | ${ms(quantile(d, 0.5))} | ${ms(quantile(d, 0.99))} | ${ms(Math.max(...d))} |`
console.log(
  [
    '## store-postgres: commit to read model (live projections)',
    '',
    'Delay from an acknowledged append (one event, at random moments 5–25 ms apart) until the read models (current owner, history, access, KPIs in PostgreSQL) hold it, for a live runtime woken by the store’s commit notifications and for one polling at its default 1 s. Baseline: a bare LISTEN connection receiving the same NOTIFY. Read models can be rebuilt from the log and move their checkpoint in the same transaction as their rows, so their connection may commit without waiting for the disk (`synchronous_commit = off`): a crash loses at most the last batches, which the runtime applies again, exactly once.',
    '',
    '| what | samples | p50 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    row('bare LISTEN: the NOTIFY arrives (baseline)', bare),
    row('runtime with `commits: store` (LISTEN/NOTIFY), all four read models', notifiedRuntime),
    row('runtime with `commits: store`, the current-owner read model alone', oneReadModel),
    row('runtime with `commits: store`, all four read models, their connection at `synchronous_commit = off`', asyncCommit),
    row('runtime polling every 1000 ms (fallback)', pollingRuntime),
    '',
  ].join('\n'),
)
