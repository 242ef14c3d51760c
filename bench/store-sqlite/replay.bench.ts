// Replay of 1 M events through the adapter's readAll, beside a raw better-sqlite3 scan of the same
// file in the same run: events/s and peak RSS, sampled every 10,000 events. The file is written
// beforehand, by a child process of its own (so that what writing leaves in this process's memory
// cannot count), with raw inserts in big transactions, in core's row format (prepareEvents).
import { accountStream, chainHash, currentSchema, genesisHash, prepareEvents, type AccountId } from '@account-ownership/core'
import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { adapterOn, benchFile, classified, rawInsertSql, rawOn, whole } from './bench-file.js'

const total = 1_000_000
const accounts = 10_000
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0)

// Write the log: one prepared template, its event id swapped for each row (ids must be unique).
const writeLog = async (file: string) => {
  const raw = await rawOn(file)
  raw.pragma('synchronous = OFF')
  const template = prepareEvents([classified(0, accounts)], currentSchema)
  if (template._tag === 'Left') throw template.left
  const { type, schemaVersion, data, metadata } = template.right[0]!
  const insert = raw.prepare(rawInsertSql)
  const previous = new Map<string, string>()
  const writeChunk = raw.transaction((from: number) => {
    for (let i = from; i < from + chunk; i++) {
      const row = {
        streamId: accountStream(`kunde-${i % accounts}` as AccountId),
        streamVersion: BigInt(Math.floor(i / accounts)),
        eventId: `evt-${i}`,
        type,
        schemaVersion,
        data,
        metadata: metadata.replaceAll('evt-0', `evt-${i}`),
        recordedAt: '2026-03-12T09:00:00.000Z',
      }
      const hash = chainHash(previous.get(row.streamId) ?? genesisHash, row)
      previous.set(row.streamId, hash)
      insert.run(row.streamId, row.streamVersion, row.eventId, type, schemaVersion, data, row.metadata, row.recordedAt, hash)
    }
  })
  for (let from = 0; from < total; from += chunk) writeChunk(from)
  raw.pragma('wal_checkpoint(TRUNCATE)')
  raw.close()
}
const chunk = 50_000

if (process.argv[2] === 'write') {
  await writeLog(process.argv[3]!)
  process.exit(0)
}
const file = benchFile()
const writeStart = performance.now()
execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'write', file], { stdio: 'inherit' })
const writeSeconds = (performance.now() - writeStart) / 1000

interface Replay {
  readonly eventsPerSecond: number
  readonly startRss: number
  readonly peakRss: number
  /** RSS after a quarter, half, three quarters and all of the replay. */
  readonly quarterRss: ReadonlyArray<number>
  /** The live heap after a full collection at each quarter: flat unless something is retained. */
  readonly liveHeap: ReadonlyArray<number>
}
const measure = async (replay: (sample: () => void) => Promise<number>): Promise<Replay> => {
  globalThis.gc?.()
  const startRss = process.memoryUsage().rss
  let peakRss = startRss
  const quarterRss: number[] = []
  const liveHeap: number[] = []
  let seen = 0
  const sample = () => {
    if (++seen % 10_000 !== 0) return
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    if (seen % (total / 4) === 0) {
      quarterRss.push(process.memoryUsage().rss)
      // Four full collections in a replay of seconds: they cost a few milliseconds in all.
      globalThis.gc?.()
      liveHeap.push(process.memoryUsage().heapUsed)
    }
  }
  const start = performance.now()
  const count = await replay(sample)
  const seconds = (performance.now() - start) / 1000
  if (count !== total) throw new Error(`replayed ${count} of ${total} events`)
  return { eventsPerSecond: count / seconds, startRss, peakRss, quarterRss, liveHeap }
}

// The raw scan first, so that whatever it leaves in the heap cannot flatter the adapter.
const raw = new Database(file, { readonly: true })
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

const row = (what: string, r: Replay) =>
  `| ${what} | ${whole(r.eventsPerSecond)} | ${mb(r.startRss)} | ${mb(r.peakRss)} | ${r.quarterRss.map(mb).join(' / ')} | ${r.liveHeap.map(mb).join(' / ')} |`
console.log(
  [
    '## store-sqlite: replay of 1 M events',
    '',
    `${whole(total)} events in ${whole(accounts)} streams (written with raw inserts in ${whole(chunk)}-row transactions in ${writeSeconds.toFixed(1)} s). The adapter's readAll decodes every event (JSON, upcast, codecs) in keyset pages (the default batch size, at most 50 rows per query); the raw scan only steps through the rows. RSS sampled every 10,000 events; at each quarter of the replay also the RSS and the live heap after a full collection. The process starts at about 100 MB (Node, tsx, the modules) before the first event is read.`,
    '',
    '| what | events/s | RSS at start (MB) | peak RSS (MB) | RSS at ¼ / ½ / ¾ / end (MB) | live heap at ¼ / ½ / ¾ / end (MB) |',
    '|---|---:|---:|---:|---:|---:|',
    row('raw better-sqlite3 scan (baseline)', scan),
    row('adapter `readAll` (decoded events)', adapter),
    '',
  ].join('\n'),
)
