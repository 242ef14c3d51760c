import type { RecordedEvent } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { openPostgresEventStore, type PostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, openedAccount, readModelDatabase } from './live-read-model.js'
import { privateServer } from './private-server.js'

const server = await privateServer('durability')
const skip = server.skip

const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

// What the log holds after the server recovered: event id → position, and the head.
const recoveredLog = async (connection: pg.ClientConfig, schema?: string) => {
  const opened = await openPostgresEventStore({ connection, ...(schema === undefined ? {} : { schema }) })
  if (E.isLeft(opened)) throw opened.left
  const log = await collect(opened.right.readAll({ verifyHashes: true }))
  await opened.right.close()
  return { positions: new Map<string, bigint>(log.map((e) => [e.metadata.eventId, e.metadata.globalPosition])), head: log.at(-1)?.metadata.globalPosition ?? 0n, all: log }
}

const checkpointsOf = async (db: Kysely<ReadModels>) =>
  (await db.introspection.getTables()).every((t) => t.name !== 'projection_checkpoints') ? [] : (await (db as unknown as Kysely<{ projection_checkpoints: { name: string; position: string | number } }>).selectFrom('projection_checkpoints').select(['name', 'position']).execute()).map(
    (c) => [c.name, BigInt(c.position)] as const,
  )

// Every event handed out or acknowledged is in the recovered log at the same position; positions
// are contiguous; no checkpoint points past the log.
const expectHonest = async (told: ReadonlyMap<string, bigint>, db: Kysely<ReadModels>, connection: pg.ClientConfig, schema?: string) => {
  const log = await recoveredLog(connection, schema)
  expect(log.all.map((e) => e.metadata.globalPosition)).toEqual(Array.from({ length: log.all.length }, (_, i) => BigInt(i + 1)))
  const missing = [...told].filter(([id, position]) => log.positions.get(id) !== position)
  expect(missing).toEqual([])
  for (const [name, position] of await checkpointsOf(db)) expect([name, position <= log.head]).toEqual([name, true])
  return log
}

interface Told {
  readonly events?: ReadonlyMap<string, bigint>
  readonly head?: bigint
  readonly version?: readonly [string, bigint | 'no-stream']
}
const classifiedEvent = (id: string) =>
  newEvent({ type: 'AccountClassified', data: { accountId: account(id), tier: 'key', score: 1, criteria: ['crash'], classifiedBy: 'dora' as never } }, { eventId: `${id}-classified` })
const eventsOf = (events: ReadonlyArray<RecordedEvent>) => new Map(events.map((e) => [e.metadata.eventId, e.metadata.globalPosition]))
const rightOf = <A>(either: E.Either<Error, A>): A => {
  if (E.isLeft(either)) throw either.left
  return either.right
}

describe.skipIf(skip !== undefined)(`a crash of the PostgreSQL server${skip ? ` — skipped: ${skip}` : ''}`, () => {
  if (server.skip !== undefined) return
  const database = `ao_durability_${process.pid}`
  const connection = { ...server.connection, database }
  beforeAll(async () => {
    await server.start()
    const admin = new pg.Client(server.connection)
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    await admin.end()
  }, 60_000)
  afterAll(() => server.remove())

  const openStore = async (options: pg.PoolConfig = {}, schema?: string): Promise<PostgresEventStore> => {
    const opened = await openPostgresEventStore({ connection: { ...connection, max: 2, ...options }, ...(schema === undefined ? {} : { schema }) })
    if (E.isLeft(opened)) throw opened.left
    return opened.right
  }

  it('in the middle of four writers, a reader and a live projection loses no acknowledged append and no event handed out', async () => {
    const writers = await Promise.all([0, 1, 2, 3].map(() => openStore()))
    const reader = await openStore()
    const told = new Map<string, bigint>()
    const acknowledged = (events: ReadonlyArray<RecordedEvent>) => events.forEach((e) => told.set(e.metadata.eventId, e.metadata.globalPosition))
    let appends = 0
    // Each writer opens accounts and classifies each once (an append on the tip it knows, in one
    // round trip), until the server is gone (its append then fails).
    const writing = writers.map(async (store, w) => {
      for (let n = 0; ; n++) {
        const account = openedAccount(`w${w}-${n}`)
        const opened = await store.append(account.stream, account.events, { expectedVersion: 'no-stream' })
        if (E.isLeft(opened)) return
        acknowledged(opened.right.events)
        const classified = await store.append(account.stream, [classifiedEvent(`w${w}-${n}`)], { expectedVersion: 3n })
        if (E.isLeft(classified)) return
        acknowledged(classified.right.events)
        appends += 2
      }
    })
    // A reader as a projection reads, from the position after the last it was handed.
    let last = 0n
    const reading = (async () => {
      try {
        for (;;) {
          for await (const e of reader.readAll({ fromPosition: last + 1n, batchSize: 7 })) {
            told.set(e.metadata.eventId, e.metadata.globalPosition)
            last = e.metadata.globalPosition
          }
        }
      } catch {
        // the server is gone
      }
    })()
    const db = readModelDatabase()
    const runtime = projectionRuntime({ store: reader, db, projections: readModelProjections, batchSize: 5 })
    const live = runtime.runLive({ pollIntervalMs: 5 })

    await eventually(() => appends >= 200 && last >= 400n, 60_000)
    await server.crash()
    await Promise.all([...writing, reading])
    expect(E.isLeft(await live)).toBe(true)
    await server.start()

    const log = await expectHonest(told, db, connection)
    expect(log.head).toBeGreaterThanOrEqual(500n)
    await Promise.all([...writers, reader].map((s) => s.close()))
  }, 120_000)

  it('loses no append acknowledged on a known tip: the procedure flushes before it answers', async () => {
    const schema = 'on_tip'
    const writer = await openStore({}, schema)
    const watcher = new pg.Client(connection)
    watcher.on('error', () => undefined)
    await watcher.connect()
    const account = openedAccount('spitze')
    expect(E.isRight(await writer.append(account.stream, account.events, { expectedVersion: 'no-stream' }))).toBe(true)
    // A fresh WAL segment, so that the append's commit lies on a page no other write takes along;
    // the WAL writer wakes every 10 s only: without the barrier, the commit is still in memory.
    await watcher.query('SELECT pg_switch_wal()')
    const told = eventsOf(rightOf(await writer.append(account.stream, [classifiedEvent('spitze')], { expectedVersion: BigInt(account.events.length - 1) })).events)
    await server.crash()
    await server.start()

    const log = await expectHonest(told, readModelDatabase(), connection, schema)
    expect(log.all.length).toBe(account.events.length + 1)
    await watcher.end().catch(() => undefined)
    await writer.close()
  }, 60_000)

  // Each way a reader learns of the log, on its own: a session that chose synchronous_commit =
  // off appends (visible at once, not yet written to the WAL file), the reader reads, the server
  // is killed. What the reader was told must survive.
  const readPaths: ReadonlyArray<[string, (reader: PostgresEventStore, stream: ReturnType<typeof openedAccount>['stream'], db: Kysely<ReadModels>) => Promise<Told>]> = [
    ['readAll', async (reader) => ({ events: eventsOf(await collect(reader.readAll({ batchSize: 3 }))) })],
    ['readStream', async (reader, stream) => ({ events: eventsOf(await collect(reader.readStream(stream))) })],
    ['headPosition', async (reader) => ({ head: rightOf(await reader.headPosition()) })],
    ['streamVersion', async (reader, stream) => ({ version: [stream, rightOf(await reader.streamVersion(stream))] })],
    ['a projection catching up', async (reader, _, db) => (expect(E.isRight(await projectionRuntime({ store: reader, db, projections: readModelProjections, batchSize: 3 }).runUntilCaughtUp())).toBe(true), {})],
  ]
  for (const [path, read] of readPaths) {
    it(`hands a reader no event a crash takes back: ${path}`, async () => {
      // A log of its own, so that the reads are of the few events at stake.
      const schema = `reads_${path.replace(/ /g, '_').toLowerCase()}`
      const careless = await openStore({ options: '-c synchronous_commit=off' }, schema)
      const reader = await openStore({}, schema)
      const watcher = new pg.Client(connection)
      watcher.on('error', () => undefined)
      await watcher.connect()
      const db = readModelDatabase()
      // The window must be real: the append's commit not yet even in the WAL file. A fresh WAL
      // segment first, so the append lies on a page of its own that no full-page write takes
      // along; the WAL writer (every 10 s here) may still write it before the check, and then the
      // next try opens the window again.
      let account = openedAccount('none')
      let pending = false
      for (let attempt = 0; attempt < 5 && !pending; attempt++) {
        await watcher.query('SELECT pg_switch_wal()')
        const start = (await watcher.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0]!.lsn
        account = openedAccount(`leicht-${path.replace(/ /g, '-')}-${attempt}`)
        expect(E.isRight(await careless.append(account.stream, account.events, { expectedVersion: 'no-stream' }))).toBe(true)
        pending = (await watcher.query<{ pending: boolean }>('SELECT pg_current_wal_lsn() <= $1::pg_lsn AS pending', [start])).rows[0]!.pending
      }
      expect(pending).toBe(true)
      const told = await read(reader, account.stream, db)
      await server.crash()
      await server.start()

      const log = await expectHonest(told.events ?? new Map(), db, connection, schema)
      if (told.head !== undefined) expect(log.head).toBeGreaterThanOrEqual(told.head)
      if (told.version !== undefined) {
        const [stream, version] = told.version
        const recorded = log.all.filter((e) => e.metadata.streamId === stream).map((e) => e.metadata.streamVersion)
        expect(version === 'no-stream' ? true : recorded.includes(version)).toBe(true)
      }
      await watcher.end().catch(() => undefined)
      await Promise.all([careless, reader].map((s) => s.close()))
    }, 60_000)
  }
})
