// Rebuild of the current owner and ownership history read models from 1 M events in a SQLite
// event store file, into a SQLite read-model file, beside two baselines in the same run: a raw
// scan of the same rows with better-sqlite3 (no decoding), and a scan through the store's
// `readAll` (decoding every event), which the rebuild cannot be faster than. RSS is sampled
// every 50 ms during each phase; the rebuild runs first so that its RSS is its own. The log is
// written beforehand by a child process.
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { currentOwnerProjection, ownershipHistoryProjection, projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { eventLog } from './event-log.js'

const accounts = 20_000
const batchSize = 1000
const path = eventLog(accounts)
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-rebuild-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

const measure = async (work: () => Promise<number>) => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = process.memoryUsage.rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
  const start = performance.now()
  const events = await work()
  const seconds = (performance.now() - start) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage.rss())
  return { events, seconds, rate: events / seconds, before: mb(before), peak: mb(peak) }
}

// RSS at each quarter of the rebuild: flat means it does not grow with the log.
const quarters: number[] = []
const rebuild = await measure(async () => {
  const opened = openSqliteEventStore({ path, readonly: true })
  if (opened._tag === 'Left') throw opened.left
  const db = sqliteReadModels(join(dir, 'read-models.db'))
  const onProgress = ({ done, total }: { done: number; total: number }) => {
    if (done >= ((quarters.length + 1) * total) / 4) quarters.push(mb(process.memoryUsage.rss()))
  }
  const outcome = await projectionRuntime({ store: opened.right, db, projections: [currentOwnerProjection, ownershipHistoryProjection], batchSize, onProgress }).rebuild()
  if (outcome._tag === 'Left') throw outcome.left
  await db.destroy()
  await opened.right.close()
  return outcome.right.done
})

const rawScan = await measure(async () => {
  const db = new Database(path, { readonly: true })
  let n = 0
  for (const _row of db.prepare('SELECT * FROM ao_events ORDER BY global_position').iterate()) n++
  db.close()
  return n
})

const storeScan = await measure(async () => {
  const opened = openSqliteEventStore({ path, readonly: true })
  if (opened._tag === 'Left') throw opened.left
  let n = 0
  for await (const _event of opened.right.readAll({ batchSize })) n++
  await opened.right.close()
  return n
})

const row = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
  `| ${name} | ${r.events.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${Math.round(r.rate).toLocaleString('en-US')} | ${r.before} | ${r.peak} |`

console.log(
  [
    '## projections: rebuild of current owner + ownership history from 1 M events (SQLite → SQLite)',
    '',
    `${accounts.toLocaleString('en-US')} accounts × 50 events; batches of ${batchSize} events, one transaction each. Target: ≥ 300 k events/s, peak RSS flat below 150 MB.`,
    '',
    '| run | events | seconds | events/s | RSS before (MB) | peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|',
    row('baseline: raw row scan (better-sqlite3, no decoding)', rawScan),
    row('baseline: store scan (`readAll`, decoded)', storeScan),
    row('rebuild: current owner + history', rebuild),
    '',
    `RSS of the rebuild at ¼ / ½ / ¾ / end of the log: ${quarters.join(' / ')} MB.`,
    '',
  ].join('\n'),
)
