// Replay of 1 M events through the adapter's readAll, beside a raw better-sqlite3 scan of the same
// file in the same run: events/s and peak RSS, sampled every 10,000 events. The file is written
// beforehand with raw inserts in big transactions, in core's row format (prepareEvents).
import { accountStream, currentSchema, prepareEvents, type AccountId } from '@account-ownership/core'
import { performance } from 'node:perf_hooks'
import { adapterOn, benchFile, classified, rawInsertSql, rawOn, whole } from './bench-file.js'

const total = 1_000_000
const accounts = 10_000
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0)

// Write the log: one prepared template, its event id swapped for each row (ids must be unique).
const file = benchFile()
const writeStart = performance.now()
const raw = await rawOn(file)
raw.pragma('synchronous = OFF')
const template = prepareEvents([classified(0, accounts)], currentSchema)
if (template._tag === 'Left') throw template.left
const { type, schemaVersion, data, metadata } = template.right[0]!
const insert = raw.prepare(rawInsertSql)
const chunk = 50_000
const writeChunk = raw.transaction((from: number) => {
  for (let i = from; i < from + chunk; i++) {
    insert.run(`${accountStream(`kunde-${i % accounts}` as AccountId)}`, Math.floor(i / accounts), `evt-${i}`, type, schemaVersion, data, metadata.replaceAll('evt-0', `evt-${i}`), '2026-03-12T09:00:00.000Z')
  }
})
for (let from = 0; from < total; from += chunk) writeChunk(from)
raw.pragma('wal_checkpoint(TRUNCATE)')
const writeSeconds = (performance.now() - writeStart) / 1000

interface Replay {
  readonly eventsPerSecond: number
  readonly peakRss: number
  readonly startRss: number
}
const measure = async (replay: (sample: () => void) => Promise<number>): Promise<Replay> => {
  globalThis.gc?.()
  const startRss = process.memoryUsage().rss
  let peakRss = startRss
  let seen = 0
  const sample = () => {
    if (++seen % 10_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const start = performance.now()
  const count = await replay(sample)
  const seconds = (performance.now() - start) / 1000
  if (count !== total) throw new Error(`replayed ${count} of ${total} events`)
  return { eventsPerSecond: count / seconds, peakRss: Math.max(peakRss, process.memoryUsage().rss), startRss }
}

// The raw scan first, so that whatever it leaves in the heap cannot flatter the adapter.
const scan = await measure(async (sample) => {
  let n = 0
  for (const row of raw.prepare('SELECT global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at FROM ao_events ORDER BY global_position').safeIntegers(true).iterate()) {
    if (row !== undefined) n++
    sample()
  }
  return n
})
raw.close()

const store = adapterOn(file)
const adapter = await measure(async (sample) => {
  let n = 0
  for await (const event of store.readAll()) {
    if (event.metadata.globalPosition === BigInt(n + 1)) n++
    sample()
  }
  return n
})
await store.close()

const row = (what: string, r: Replay) => `| ${what} | ${whole(r.eventsPerSecond)} | ${mb(r.startRss)} | ${mb(r.peakRss)} |`
console.log(
  [
    '## store-sqlite: replay of 1 M events',
    '',
    `${whole(total)} events in ${whole(accounts)} streams (written with raw inserts in ${whole(chunk)}-row transactions in ${writeSeconds.toFixed(1)} s). The adapter's readAll decodes every event (JSON, upcast, codecs) in keyset batches of the default size; the raw scan only steps through the rows. RSS sampled every 10,000 events.`,
    '',
    '| what | events/s | RSS at start (MB) | peak RSS (MB) |',
    '|---|---:|---:|---:|',
    row('raw better-sqlite3 scan (baseline)', scan),
    row('adapter `readAll` (decoded events)', adapter),
    '',
  ].join('\n'),
)
