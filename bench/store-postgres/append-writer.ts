/**
 * One writer process of the PostgreSQL append benchmark, driven by its parent over IPC: for each
 * `{ mode, writer, block, count }` it appends `count` events, one per append, to its own 25
 * streams, and answers the seconds it took. Modes: `adapter` (the store's `append`), `raw` (plain
 * pg: BEGIN, INSERT with a bigserial position, COMMIT; versions and hashes kept in memory) and
 * `protocol` (plain pg doing what the adapter does, in its two round trips: begin, stream lock and
 * tip read; insert moving the head row, COMMIT without waiting for the flush, then the durability
 * barrier that waits for it outside the head row's lock — and, as the adapter does on a stream
 * tip it wrote last, all of it in one round trip with the tip checked in the insert) and `held` (the same with a plain COMMIT,
 * so the head row stays locked through the flush — the adapter before the barrier).
 * Usage: forked by append.bench.ts with the database name.
 *
 * @module
 */
import { accountStream, chainHash, currentSchema, genesisHash, prepareEvents, type AccountId } from '@account-ownership/core'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import pg from 'pg'
import { classifiedEvent, server } from './bench-database.js'

type Mode = 'adapter' | 'raw' | 'protocol' | 'held'
const database = process.argv[2]!
const opened = await openPostgresEventStore({ connection: { ...server, database, max: 1 }, schema: 'bench_adapter' })
if (opened._tag === 'Left') throw opened.left
const store = opened.right
const client = new pg.Client({ ...server, database })
await client.connect()

const streams = 25
const versions = new Map<string, bigint>()
const tips = new Map<string, { version: bigint; hash: string }>()
const rowOf = (accountId: string, eventId: string, i: number) => {
  const prepared = prepareEvents([classifiedEvent(accountId, eventId, i)], currentSchema)
  if (prepared._tag === 'Left') throw prepared.left
  return prepared.right[0]!
}
const rawInsert = `INSERT INTO bench_raw.ao_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`
const protocolInsert = (schema: string, tip?: { v: string; hash: string }) => `WITH head AS (UPDATE ${schema}.ao_log_head SET position = position + 1${
  tip === undefined
    ? ''
    : ` WHERE EXISTS (SELECT 1 FROM (SELECT stream_version, hash FROM ${schema}.ao_events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) t
      WHERE t.stream_version = ${tip.v} AND t.hash = ${pg.escapeLiteral(tip.hash)})`
} RETURNING position)
  INSERT INTO ${schema}.ao_events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
  SELECT head.position, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM head`

const append: Record<Mode, (writer: number, i: number) => Promise<void>> = {
  async adapter(writer, i) {
    const accountId = `kunde-${writer}-${i % streams}`
    const stream = accountStream(accountId as AccountId)
    const result = await store.append(stream, [classifiedEvent(accountId, `adapter-${writer}-${i}`, i)], { expectedVersion: versions.get(stream) ?? 'no-stream' })
    if (result._tag === 'Left') throw result.left
    versions.set(stream, result.right.nextExpectedVersion)
  },
  async raw(writer, i) {
    const accountId = `kunde-${writer}-${i % streams}`
    const stream = `raw:${accountStream(accountId as AccountId)}`
    const row = rowOf(accountId, `raw-${writer}-${i}`, i)
    const tip = tips.get(stream)
    const chained = { ...row, streamId: stream, streamVersion: tip === undefined ? 0n : tip.version + 1n, recordedAt: new Date().toISOString() }
    const hash = chainHash(tip?.hash ?? genesisHash, chained)
    await client.query('BEGIN')
    await client.query(rawInsert, [stream, String(chained.streamVersion), row.eventId, row.type, row.schemaVersion, row.data, row.metadata, chained.recordedAt, hash])
    await client.query('COMMIT')
    tips.set(stream, { version: chained.streamVersion, hash })
  },
  protocol: (writer, i) => followProtocol('bench_protocol', true, writer, i),
  held: (writer, i) => followProtocol('bench_held', false, writer, i),
}

// The stream tips plain pg has written, as the adapter keeps them (its `protocol` mode only).
const protocolTips = new Map<string, { v: string; hash: string }>()

async function followProtocol(schema: string, barrier: boolean, writer: number, i: number) {
  const accountId = `kunde-${writer}-${i % streams}`
  const stream = accountStream(accountId as AccountId)
  const row = rowOf(accountId, `${schema}-${writer}-${i}`, i)
  const lock = `SELECT pg_advisory_xact_lock(hashtextextended(${pg.escapeLiteral(`${schema}/${stream}`)}, 0))`
  // As the adapter appends on a tip it wrote last: one round trip, the insert only where the tip
  // is still that one (here it always is: each stream has one writer).
  const known = barrier ? protocolTips.get(stream) : undefined
  let tip = known
  if (known === undefined) {
    // As the adapter opens an append: begin, stream lock and tip read in one round trip.
    const opened = (await client.query(
      `BEGIN; ${lock}; SELECT stream_version::text AS v, hash FROM ${schema}.ao_events WHERE stream_id = ${pg.escapeLiteral(stream)} ORDER BY stream_version DESC LIMIT 1`,
    )) as unknown as ReadonlyArray<pg.QueryResult<{ v: string; hash: string }>>
    tip = opened[2]!.rows[0]
  }
  const chained = { ...row, streamId: stream, streamVersion: tip === undefined ? 0n : BigInt(tip.v) + 1n, recordedAt: new Date().toISOString() }
  const hash = chainHash(tip?.hash ?? genesisHash, chained)
  // And as the adapter ends it: the insert and its COMMIT in one round trip, values as literals;
  // with the barrier, the commit does not wait for the flush and the barrier after it does.
  const values = [stream, String(chained.streamVersion), row.eventId, row.type, String(row.schemaVersion), row.data, row.metadata, chained.recordedAt, hash]
  const insert = protocolInsert(schema, known).replace(/\$(\d+)/g, (_, n: string) => pg.escapeLiteral(values[Number(n) - 1]!))
  const settings = `SELECT set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)`
  const barrierCall = `SELECT pg_logical_emit_message(true, 'account-ownership', '')`
  await client.query(
    known !== undefined ? `BEGIN; ${lock}; ${settings}; ${insert}; COMMIT; ${barrierCall}` : barrier ? `${settings}; ${insert}; COMMIT; ${barrierCall}` : `${insert}; COMMIT`,
  )
  if (barrier) protocolTips.set(stream, { v: String(chained.streamVersion), hash })
}

process.on('message', async (message: { mode: Mode | 'exit'; writer: number; block: number; count: number }) => {
  if (message.mode === 'exit') {
    await store.close()
    await client.end()
    process.exit(0)
  }
  const start = performance.now()
  for (let i = message.block * message.count; i < (message.block + 1) * message.count; i++) await append[message.mode](message.writer, i)
  process.send!({ seconds: (performance.now() - start) / 1000 })
})
process.send!({ ready: true })
