// What a bound value costs when SQLite's planner may look at it. A statement whose parameter sits
// in a LIMIT, in an equality beside an ORDER BY it might drop, or under a max() is prepared again
// by SQLite at every call, the same value or not; wrapped in CAST(? AS …) the value is hidden from the
// planner and the plan is made once. Each read below runs in both forms on one file the store
// wrote (1,000 streams of one event, as the comparison's commands find them), taking turns, on one
// raw better-sqlite3 connection, beside the same search with no ORDER BY and no LIMIT (which SQLite
// never prepares again): CPU µs per call, median of the rounds.
import Database from 'better-sqlite3'
import { accountStream, type AccountId } from '@account-ownership/core'
import { newEventOf, openedFact } from '../comparison/contender.js'
import { adapterOn, benchFile } from './bench-file.js'

const streams = 1000
const calls = 20_000
const rounds = 5
const path = benchFile()
const store = adapterOn(path)
for (let a = 0; a < streams; a++) {
  const appended = await store.append(accountStream(`kunde-${a}` as AccountId), [newEventOf(openedFact(a))], { expectedVersion: 'no-stream' })
  if (appended._tag === 'Left') throw appended.left
}
await store.close()

const db = new Database(path, { readonly: true })
const columns = 'global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at'
const text = 'CAST(? AS TEXT)'
const integer = 'CAST(? AS INTEGER)'
const streamArgs = (i: number) => [`account-kunde-${(i * 7919) % streams}`] as const
const pageArgs = (i: number) => [...streamArgs(i), 0n, 9223372036854775807n, 1000] as const
const logArgs = (i: number) => [BigInt((i * 7919) % streams), BigInt(((i * 7919) % streams) + 2), 3] as const

interface Read {
  readonly name: string
  readonly bare: string
  readonly cast: string
  readonly args: (i: number) => ReadonlyArray<unknown>
}
const reads: ReadonlyArray<Read> = [
  {
    name: 'a page of one stream (version range, ORDER BY, LIMIT)',
    bare: `SELECT ${columns} FROM ao_events WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ? ORDER BY stream_version LIMIT ?`,
    cast: `SELECT ${columns} FROM ao_events WHERE stream_id = ${text} AND stream_version >= ${integer} AND stream_version <= ${integer} ORDER BY stream_version LIMIT ${integer}`,
    args: pageArgs,
  },
  {
    name: "a stream's tip (ORDER BY … DESC LIMIT 1)",
    bare: 'SELECT stream_version, hash FROM ao_events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
    cast: `SELECT stream_version, hash FROM ao_events WHERE stream_id = ${text} ORDER BY stream_version DESC LIMIT 1`,
    args: streamArgs,
  },
  {
    name: "a stream's head (max)",
    bare: 'SELECT max(stream_version) FROM ao_events WHERE stream_id = ?',
    cast: `SELECT max(stream_version) FROM ao_events WHERE stream_id = ${text}`,
    args: streamArgs,
  },
  {
    name: 'a page of the log, 3 events (position range, ORDER BY, LIMIT)',
    bare: `SELECT ${columns} FROM ao_events WHERE global_position >= ? AND global_position <= ? ORDER BY global_position LIMIT ?`,
    cast: `SELECT ${columns} FROM ao_events WHERE global_position >= ${integer} AND global_position <= ${integer} ORDER BY global_position LIMIT ${integer}`,
    args: logArgs,
  },
]
const reference: Read = {
  name: 'reference: a page of one stream with no ORDER BY and no LIMIT',
  bare: `SELECT ${columns} FROM ao_events WHERE stream_id = ? AND stream_version >= ? AND stream_version <= ?`,
  cast: `SELECT ${columns} FROM ao_events WHERE stream_id = ${text} AND stream_version >= ${integer} AND stream_version <= ${integer}`,
  args: (i) => pageArgs(i).slice(0, 3),
}

const cpuMicros = (run: (i: number) => void): number => {
  const start = process.cpuUsage()
  for (let i = 0; i < calls; i++) run(i)
  const { user, system } = process.cpuUsage(start)
  return (user + system) / calls
}
const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const rows = [...reads, reference].map((read) => {
  const bare = db.prepare(read.bare).safeIntegers(true)
  const cast = db.prepare(read.cast).safeIntegers(true)
  const times = { bare: [] as number[], cast: [] as number[] }
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['bare', 'cast'] as const) : (['cast', 'bare'] as const)
    for (const form of order) {
      const statement = form === 'bare' ? bare : cast
      times[form].push(cpuMicros((i) => statement.all(...read.args(i))))
    }
  }
  return `| ${read.name} | ${median(times.bare).toFixed(1)} | ${median(times.cast).toFixed(1)} |`
})
db.close()

console.log(
  [
    '## store-sqlite: the cost of a bound value the planner may look at',
    '',
    `${streams.toLocaleString('en-US')} streams of one event in a file the store wrote; ${calls.toLocaleString('en-US')} calls per form and round, ${rounds} rounds taking turns, one raw better-sqlite3 connection; CPU µs per call (user + system; the system part, about 7–10 µs here, is SQLite's file locks of each read transaction), median of the rounds.`,
    '',
    '| read | bare `?` | `CAST(? AS …)` |',
    '|---|---:|---:|',
    ...rows,
    '',
  ].join('\n'),
)
