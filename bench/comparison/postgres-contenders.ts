/**
 * The systems of the PostgreSQL comparison, all in one database of the server at 127.0.0.1 with
 * its defaults (`synchronous_commit = on`: a commit waits for its WAL flush):
 *
 * - this library: `openPostgresEventStore` (schema `bench_library`) and core's `accountCommandHandler`;
 * - raw pg: one table (bigserial position, stream, version, type, data, metadata, recorded at,
 *   unique stream + version) in schema `bench_raw`; a command is BEGIN, read the stream, fold,
 *   decide, INSERT, COMMIT — the unique key refuses a concurrent writer's version;
 * - Emmett PostgreSQL through its public API (`CommandHandler`, `aggregateStream`), its tables in
 *   `public`, on its own pool.
 *
 * Seeding runs on connections with `synchronous_commit = off`, outside the timing.
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import pg from 'pg'
import { decideClassify, factKey, foldAccount, newEventOf, openedFact, streamOf, type Contender, type Fact } from './contender.js'
import { emmettContender } from './emmett-contender.js'
import { libraryContender, unwrap } from './library-contender.js'
import type { Peers } from './peers.js'

/** The server. */
export const server = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const

const lazySync = '-c synchronous_commit=off'

// Seeding `accounts` through `open`, twenty at a time.
const seed = async (accounts: number, open: (a: number) => Promise<void>) => {
  for (let from = 0; from < accounts; from += 20) await Promise.all(Array.from({ length: Math.min(20, accounts - from) }, (_, k) => open(from + k)))
}

/** This library's PostgreSQL store in schema `bench_library`, seeded with `accounts` unless `seeded`. */
export const libraryPostgres = async (database: string, accounts: number, seeded = false): Promise<Contender> => {
  const schema = 'bench_library'
  if (!seeded) {
    const seeder = unwrap(await openPostgresEventStore({ connection: { ...server, database, max: 20, options: lazySync }, schema }))
    await seed(accounts, async (a) => void unwrap(await seeder.append(accountStream(`kunde-${a}` as AccountId), [newEventOf(openedFact(a))], { expectedVersion: 'no-stream' })))
    await seeder.close()
  }
  return libraryContender(unwrap(await openPostgresEventStore({ connection: { ...server, database, max: 2 }, schema })))
}

const rawSchema = `CREATE SCHEMA IF NOT EXISTS bench_raw;
CREATE TABLE IF NOT EXISTS bench_raw.events (
  global_position bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  stream_version bigint NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_id, stream_version))`
const rawInsert = 'INSERT INTO bench_raw.events (stream_id, stream_version, type, data, metadata) SELECT $1, $2 + ord - 1, e->>0, e->1, e->2 FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(e, ord)'

/** Raw pg on one client in schema `bench_raw`, seeded with `accounts` unless `seeded`. */
export const rawPostgres = async (database: string, accounts: number, seeded = false): Promise<Contender> => {
  if (!seeded) {
    const seeder = new pg.Client({ ...server, database, options: lazySync })
    await seeder.connect()
    await seeder.query(rawSchema)
    for (let from = 0; from < accounts; from += 1000) {
      const rows = Array.from({ length: Math.min(1000, accounts - from) }, (_, k) => openedFact(from + k))
      await seeder.query(
        'INSERT INTO bench_raw.events (stream_id, stream_version, type, data, metadata) SELECT e->>0, 0, e->>1, e->2, e->3 FROM jsonb_array_elements($1::jsonb) AS t(e)',
        [JSON.stringify(rows.map((f, k) => [streamOf(from + k), f.type, f.data, f.metadata]))],
      )
    }
    await seeder.end()
  }
  const client = new pg.Client({ ...server, database })
  await client.connect()
  const insert = (stream: string, from: number, facts: ReadonlyArray<Fact>) => client.query(rawInsert, [stream, from, JSON.stringify(facts.map((f) => [f.type, f.data, f.metadata]))])
  const loaded = async (stream: string) => (await client.query<{ type: string; data: unknown }>('SELECT type, data FROM bench_raw.events WHERE stream_id = $1 ORDER BY stream_version', [stream])).rows
  const inTransaction = async (work: () => Promise<void>) => {
    await client.query('BEGIN')
    try {
      await work()
      await client.query('COMMIT')
    } catch (e) {
      await client.query('ROLLBACK')
      throw e
    }
  }
  return {
    name: 'raw pg',
    classify: (account, score, commandId) =>
      inTransaction(async () => {
        const events = await loaded(streamOf(account))
        await insert(streamOf(account), events.length, decideClassify(account, score, commandId, foldAccount(events)))
      }),
    // One statement: the unique key refuses it if the stream has a version 0 already.
    appendBatch: async (stream, facts) => void (await insert(stream, 0, facts)),
    async readAndFold(stream) {
      const events = await loaded(stream)
      foldAccount(events)
      return events.length
    },
    stored: async () =>
      (await client.query<{ stream_id: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>('SELECT stream_id, data, metadata FROM bench_raw.events')).rows.map((r) =>
        factKey(r.stream_id, r.metadata, r.data),
      ),
    close: () => client.end(),
  }
}

/** Emmett PostgreSQL's event store on `database`, seeded with `accounts` unless `seeded`. */
export const emmettPostgres = async (peers: Peers, database: string, accounts: number, seeded = false): Promise<Contender> => {
  const url = `postgresql://${server.user}@${server.host}:${server.port}/${database}`
  if (!seeded) {
    const seeder = peers.postgresql.getPostgreSQLEventStore(`${url}?options=${encodeURIComponent(lazySync)}`)
    await seeder.schema.migrate()
    await seed(accounts, async (a) => void (await seeder.appendToStream(streamOf(a), [openedFact(a)], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' })))
    await seeder.close()
  }
  const store = peers.postgresql.getPostgreSQLEventStore(url)
  const reader = new pg.Client({ ...server, database })
  await reader.connect()
  return emmettContender(peers, 'Emmett PostgreSQL', store, {
    stored: async () =>
      (await reader.query<{ stream_id: string; message_data: Record<string, unknown>; message_metadata: Record<string, unknown> }>('SELECT stream_id, message_data, message_metadata FROM emt_messages')).rows.map((r) =>
        factKey(r.stream_id, r.message_metadata, r.message_data),
      ),
    async close() {
      await store.close()
      await reader.end()
    },
  })
}
