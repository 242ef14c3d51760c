// Rebuild of the current owner and ownership history read models from 1 M events in a SQLite
// event store file, into a SQLite read-model file — as it runs by default, the store reading
// ahead on a worker thread, and with every read on the calling thread (`readAhead: false`) —
// beside baselines in the same run: a raw scan of the same rows with better-sqlite3 (no
// decoding), a scan through the store's `readAll` (decoding every event), and scans of only the
// types the two projections handle (what the rebuild reads), on one thread and read ahead. Each
// phase reports wall and CPU seconds (of the process, every thread; and of the calling thread
// alone) and its peak RSS (the kernel's high-water mark, reset per phase); the rebuild runs first
// so that what it leaves behind does not count against it. The log is written beforehand by a
// child process. The two rebuilds run once more compiled, each in a process of its own
// (`rebuild-process.ts`), for the peak RSS a user's process sees without the TypeScript loader.
import { readAllPages, type DomainEventType } from '@account-ownership/core'
import { openSqliteEventStore, type ReadAheadOptions } from '@account-ownership/store-sqlite'
import { currentOwnerProjection, defineProjection, ownershipHistoryProjection, projectionRuntime, type Projection } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { getHeapSpaceStatistics } from 'node:v8'
import { peakRss, resetPeakRss } from '../peak-rss.js'
import { eventLog } from './event-log.js'

const accounts = 20_000
const batchSize = 1000
const path = eventLog(accounts)
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-rebuild-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const mb = (bytes: number) => Math.round(bytes / 2 ** 20)

// CPU seconds beside wall seconds: on a machine shared with other work the wall clock measures
// the neighbours too, the process's own CPU time much less so. `sample` is for a phase that does
// not yield to timers (the rebuild calls it after each batch); the interval covers the others.
const measure = async (work: (sample: () => void) => Promise<number>) => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = process.memoryUsage.rss()
  let peak = before
  const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()))
  const sampler = setInterval(sample, 50)
  const kernelPeak = resetPeakRss()
  const cpuBefore = process.cpuUsage()
  const threadBefore = process.threadCpuUsage()
  const start = performance.now()
  const events = await work(sample)
  const seconds = (performance.now() - start) / 1000
  const { user, system } = process.cpuUsage(cpuBefore)
  const thread = process.threadCpuUsage(threadBefore)
  clearInterval(sampler)
  sample()
  if (kernelPeak) peak = Math.max(peak, peakRss() ?? 0)
  const cpu = (user + system) / 1e6
  return { events, seconds, rate: events / seconds, cpu, threadCpu: (thread.user + thread.system) / 1e6, cpuRate: events / cpu, before: mb(before), peak: mb(peak) }
}

// RSS at each quarter of the rebuild: flat means it does not grow with the log.
const quarters: number[] = []
const afterRebuild = { heapTotal: 0, heapAfterGc: 0, youngGeneration: 0 }
const rebuildWith = (readAhead: ReadAheadOptions | false | undefined, record: boolean) => measure(async (sample) => {
  const opened = openSqliteEventStore({ path, readonly: true, ...(readAhead === undefined ? {} : { readAhead }) })
  if (opened._tag === 'Left') throw opened.left
  const db = sqliteReadModels(join(dir, `read-models-${record}.db`))
  const onProgress = ({ done, total }: { done: number; total: number }) => {
    sample()
    if (record && done >= ((quarters.length + 1) * total) / 4) quarters.push(mb(process.memoryUsage.rss()))
  }
  const outcome = await projectionRuntime({ store: opened.right, db, projections: [currentOwnerProjection, ownershipHistoryProjection], batchSize, onProgress }).rebuild()
  if (outcome._tag === 'Left') throw outcome.left
  if (!record) {
    await db.destroy()
    await opened.right.close()
    return outcome.right.done
  }
  // What the heap holds once its garbage is gone: flat live data, whatever the RSS.
  afterRebuild.heapTotal = mb(process.memoryUsage().heapTotal)
  // The young generation grows with the bytes that survive its collections, whatever the live
  // data: most of what the heap holds beyond its live data.
  afterRebuild.youngGeneration = mb(getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0)
  ;(globalThis as { gc?: () => void }).gc?.()
  afterRebuild.heapAfterGc = mb(process.memoryUsage().heapUsed)
  await db.destroy()
  await opened.right.close()
  return outcome.right.done
})
const rebuild = await rebuildWith(undefined, true)
const rebuildOnOneThread = await rebuildWith(false, false)

// The same two rebuilds compiled, each in a process of its own: the peak RSS a user's process
// sees, without the TypeScript loader this benchmark runs under.
// Beside the benchmark's own packages, where the bundle finds better-sqlite3 (not bundled: native).
const compiled = mkdtempSync(fileURLToPath(new URL('../node_modules/.cache/rebuild-compiled-', import.meta.url)))
process.on('exit', () => rmSync(compiled, { recursive: true, force: true }))
await build({
  entryPoints: { 'rebuild-process': fileURLToPath(new URL('./rebuild-process.ts', import.meta.url)), 'sqlite-read-ahead-worker': fileURLToPath(import.meta.resolve('@account-ownership/store-sqlite').replace(/index\.ts$/, 'sqlite-read-ahead-worker.ts')) },
  outdir: compiled,
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['better-sqlite3', 'pg'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
})
writeFileSync(join(compiled, 'package.json'), '{ "type": "module" }')
const inOwnProcess = (mode: 'ahead' | 'one-thread') => {
  const run = spawnSync(process.execPath, [join(compiled, 'rebuild-process.js'), path, join(dir, `read-models-${mode}.db`), mode], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  if (run.status !== 0) throw new Error(`the compiled rebuild (${mode}) failed with exit code ${run.status}`)
  const r = JSON.parse(run.stdout) as { events: number; seconds: number; cpu: number; before: number; peak: number }
  return { events: r.events, seconds: r.seconds, rate: r.events / r.seconds, cpu: r.cpu, threadCpu: Number.NaN, cpuRate: r.events / r.cpu, before: mb(r.before), peak: mb(r.peak) }
}
const compiledAhead = inOwnProcess('ahead')
const compiledOneThread = inOwnProcess('one-thread')

// The same read and the runtime's transactions and checkpoints, with projections that fold
// nothing: the rebuild's cost above this row is the read models' own work.
const folding = (projection: Projection) => defineProjection<object, DomainEventType>({ name: `${projection.name}-nothing`, version: 1, handles: projection.handles, tables: [], createTables: async () => undefined, load: async () => ({ apply: () => undefined, save: async () => undefined }) })
const runtimeOnly = await measure(async (sample) => {
  const opened = openSqliteEventStore({ path, readonly: true })
  if (opened._tag === 'Left') throw opened.left
  const db = sqliteReadModels(join(dir, 'nothing.db'))
  const outcome = await projectionRuntime({ store: opened.right, db, projections: [folding(currentOwnerProjection), folding(ownershipHistoryProjection)], batchSize, onProgress: sample }).rebuild()
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

const storeScanOf = (types?: ReadonlyArray<DomainEventType>) =>
  measure(async () => {
    const opened = openSqliteEventStore({ path, readonly: true })
    if (opened._tag === 'Left') throw opened.left
    let n = 0
    for await (const _event of opened.right.readAll({ batchSize, ...(types === undefined ? {} : { types }) })) n++
    await opened.right.close()
    return n
  })
const storeScan = await storeScanOf()
// What the rebuild reads: only the types its projections handle; events/s counts the log's events it went past.
const handled = [...new Set([...currentOwnerProjection.handles, ...ownershipHistoryProjection.handles])]
const handledScan = await storeScanOf(handled)
const handledRead = { ...handledScan, rate: rebuild.events / handledScan.seconds, cpuRate: rebuild.events / handledScan.cpu }
// The same pages as the rebuild reads them: read ahead on a worker thread.
const handledPages = await measure(async () => {
  const opened = openSqliteEventStore({ path, readonly: true })
  if (opened._tag === 'Left') throw opened.left
  let n = 0
  for await (const page of readAllPages(opened.right, { batchSize: 100, types: handled })) n += page.length
  await opened.right.close()
  return n
})
const handledAhead = { ...handledPages, rate: rebuild.events / handledPages.seconds, cpuRate: rebuild.events / handledPages.cpu }

const thousands = (n: number) => `${Math.round(n / 1000).toLocaleString('en-US')} k`
const row = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
  `| ${name} | ${r.events.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${thousands(r.rate)} | ${r.cpu.toFixed(1)} | ${Number.isNaN(r.threadCpu) ? '–' : r.threadCpu.toFixed(1)} | ${thousands(r.cpuRate)} | ${r.before} | ${r.peak} |`

console.log(
  [
    '## projections: rebuild of current owner + ownership history from 1 M events (SQLite → SQLite)',
    '',
    `${accounts.toLocaleString('en-US')} accounts × 50 events; batches of ${batchSize} events, one transaction each. Target: ≥ 300 k events/s, peak RSS flat below 150 MB.`,
    '',
    '| run | events | seconds | events/s | CPU seconds (all threads) | CPU seconds (calling thread) | events per CPU second | RSS before (MB) | peak RSS (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('baseline: raw row scan (better-sqlite3, no decoding)', rawScan),
    row('baseline: store scan (`readAll`, decoded)', storeScan),
    row(`baseline: store scan of the handled types (\`readAll({ types })\`, ${handledScan.events.toLocaleString('en-US')} decoded)`, handledRead),
    row(`baseline: the same, read ahead (\`readAllPages({ types })\`, pages of 100 from a worker thread)`, handledAhead),
    row('baseline: the runtime with projections that fold nothing (the same read ahead, transactions and checkpoints)', runtimeOnly),
    row('rebuild: current owner + history, every read on the calling thread (`readAhead: false`)', rebuildOnOneThread),
    row('rebuild: current owner + history (reading ahead, the default)', rebuild),
    row('rebuild, compiled, in a process of its own: every read on the calling thread', compiledOneThread),
    row('rebuild, compiled, in a process of its own: reading ahead (the default)', compiledAhead),
    '',
    `RSS of the rebuild at ¼ / ½ / ¾ / end of the log: ${quarters.join(' / ')} MB; V8 heap in use after a full GC at the end: ${afterRebuild.heapAfterGc} MB of ${afterRebuild.heapTotal} MB held, ${afterRebuild.youngGeneration} MB of it the young generation; the rebuild's own growth (peak − RSS before): ${rebuild.peak - rebuild.before} MB.`,
    '',
  ].join('\n'),
)
