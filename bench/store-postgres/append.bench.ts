// Append throughput of the PostgreSQL adapter with 1 and 4 writer processes, beside plain pg
// doing the same inserts in the same run: `raw` is the least any writer of these rows pays (one
// transaction per append, a bigserial position, versions and hashes kept in memory — and no
// global order a reader can trust); `protocol` is plain pg doing what the adapter does (stream
// lock, tip read, the head row that orders commits, the commit's flush waited for after the head row
// is free again); `held` is `protocol` with the head row held through the flush (the adapter before
// it waited outside the lock). Writers take turns in small blocks, so
// whatever else the machine does falls on all modes alike. At the end every log is counted:
// nothing lost, nothing twice, positions dense.
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import { fork, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { benchDatabase, whole } from './bench-database.js'

const here = dirname(fileURLToPath(import.meta.url))
const perBlock = 100
const blocks = 6
type Mode = 'raw' | 'held' | 'protocol' | 'adapter'
const modes: ReadonlyArray<Mode> = ['raw', 'held', 'protocol', 'adapter']

const db = await benchDatabase('append')
// The adapter's tables (three times: one schema for the adapter, two for plain pg following its
// protocol) and a plain table for the raw baseline.
for (const schema of ['bench_adapter', 'bench_protocol', 'bench_held']) {
  const opened = await openPostgresEventStore({ connection: db.connection, schema })
  if (opened._tag === 'Left') throw opened.left
  await opened.right.close()
}
const admin = new pg.Client(db.connection)
await admin.connect()
await admin.query(`CREATE SCHEMA bench_raw;
  CREATE TABLE bench_raw.ao_events (global_position bigserial PRIMARY KEY, stream_id text NOT NULL, stream_version bigint NOT NULL, event_id text NOT NULL,
    type text NOT NULL, schema_version integer NOT NULL, data text NOT NULL, metadata text NOT NULL, recorded_at text NOT NULL, hash text NOT NULL,
    UNIQUE (stream_id, stream_version), UNIQUE (event_id))`)

const workers: ChildProcess[] = await Promise.all(
  Array.from({ length: 4 }, () => {
    const child = fork(join(here, 'append-writer.ts'), [db.connection.database], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    return new Promise<ChildProcess>((resolve) => child.once('message', () => resolve(child)))
  }),
)
const ask = (child: ChildProcess, message: object) => new Promise<void>((resolve) => (child.once('message', () => resolve()), child.send(message)))

const seconds: Record<string, number> = {}
const appended: Record<Mode, number> = { raw: 0, held: 0, protocol: 0, adapter: 0 }
for (let block = 0; block < blocks; block++) {
  for (const writers of [1, 4]) {
    for (const mode of modes) {
      const start = performance.now()
      // Writer ids 0–3 write in the runs of four, id 9 alone: every event id is used once.
      await Promise.all(workers.slice(0, writers).map((w, k) => ask(w, { mode, writer: writers === 1 ? 9 : k, block, count: perBlock })))
      seconds[`${mode}/${writers}`] = (seconds[`${mode}/${writers}`] ?? 0) + (performance.now() - start) / 1000
      appended[mode] += writers * perBlock
    }
  }
}
for (const w of workers) w.send({ mode: 'exit' })

// Nothing lost, nothing twice; positions dense where the store promises it.
const checks: string[] = []
for (const [mode, table] of [['raw', 'bench_raw.ao_events'], ['held', 'bench_held.ao_events'], ['protocol', 'bench_protocol.ao_events'], ['adapter', 'bench_adapter.ao_events']] as const) {
  const { rows } = await admin.query<{ n: string; ids: string; max: string }>(`SELECT count(*) AS n, count(DISTINCT event_id) AS ids, max(global_position) AS max FROM ${table}`)
  const { n, ids, max } = rows[0]!
  checks.push(`${mode}: ${n} rows for ${appended[mode]} acknowledged appends, ${ids} distinct event ids, highest position ${max}`)
  if (Number(n) !== appended[mode] || Number(ids) !== appended[mode]) throw new Error(`${mode}: events lost or duplicated`)
  if (mode !== 'raw' && Number(max) !== appended[mode]) throw new Error(`${mode}: positions not dense`)
}
await admin.end()
await db.drop()

const count = (writers: number) => blocks * perBlock * writers
const ops = (mode: Mode, writers: number) => count(writers) / seconds[`${mode}/${writers}`]!
const line = (what: string, mode: Mode, writers: number) => `| ${what} | ${writers} | ${whole(ops(mode, writers))} | ${((ops(mode, writers) / ops('raw', writers)) * 100).toFixed(0)} % |`
console.log(
  [
    '## store-postgres: append throughput',
    '',
    `One event per append, 25 streams per writer process (no conflicts), ${whole(count(1))} appends per mode with one writer and ${whole(count(4))} with four, in ${blocks} alternating blocks of ${perBlock} per writer; server defaults (synchronous_commit on). Baseline: plain pg, one transaction per append (BEGIN, INSERT, COMMIT) into a table of the same columns with a bigserial position — what a writer pays without a global order readers can trust.`,
    '',
    '| what | writer processes | appends/s | of raw baseline |',
    '|---|---:|---:|---:|',
    ...[1, 4].flatMap((w) => [
      line('raw pg insert, bigserial position (baseline)', 'raw', w),
      line('raw pg, the adapter’s protocol with the head row held through the flush (before)', 'held', w),
      line('raw pg doing the adapter’s protocol (stream lock, tip read, head row, flush after the commit)', 'protocol', w),
      line('adapter `append` (input check, version check, chain hash, insert + NOTIFY, decoded answer)', 'adapter', w),
    ]),
    '',
    `Counted after the run: ${checks.join('; ')}.`,
    '',
  ].join('\n'),
)
