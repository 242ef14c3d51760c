/**
 * One rebuild of current owner + ownership history, in a process of its own, as users run the
 * library: compiled JavaScript, without the TypeScript loader the benchmarks otherwise run under
 * (tsx costs some 50 MB of RSS before the first event, in the worker thread too). Built by
 * `rebuild.bench.ts` with esbuild and run as `node rebuild-process.mjs <log> <read models> <ahead|one-thread>`;
 * prints one line of JSON: events, seconds, CPU seconds, RSS before and the process's peak RSS
 * in bytes (the kernel's high-water mark since the process started).
 *
 * @module
 */
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { currentOwnerProjection, ownershipHistoryProjection, projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { performance } from 'node:perf_hooks'
import { peakRss } from '../peak-rss.js'

const [path, readModels, mode] = process.argv.slice(2)
const opened = openSqliteEventStore({ path: path!, readonly: true, ...(mode === 'one-thread' ? { readAhead: false } : {}) })
if (opened._tag === 'Left') throw opened.left
const db = sqliteReadModels(readModels!)
const before = process.memoryUsage.rss()
const cpuBefore = process.cpuUsage()
const start = performance.now()
const outcome = await projectionRuntime({ store: opened.right, db, projections: [currentOwnerProjection, ownershipHistoryProjection], batchSize: 1000 }).rebuild()
if (outcome._tag === 'Left') throw outcome.left
const seconds = (performance.now() - start) / 1000
const { user, system } = process.cpuUsage(cpuBefore)
await db.destroy()
await opened.right.close()
console.log(JSON.stringify({ events: outcome.right.done, seconds, cpu: (user + system) / 1e6, before, peak: peakRss() ?? 0 }))
