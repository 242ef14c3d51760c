/**
 * The systems of the SQLite comparison, each on a file of its own with the same durability:
 * WAL and `synchronous = FULL` (a sync per commit), unless its label says otherwise.
 *
 * - this library: `openSqliteEventStore` and core's `accountCommandHandler`;
 * - raw better-sqlite3: one table (position, stream, version, type, data, metadata, recorded
 *   at), a command in one `BEGIN IMMEDIATE` transaction that reads the stream, folds, decides and
 *   inserts — what a user writes by hand instead of a library;
 * - Emmett SQLite (through its public API, `CommandHandler` and `aggregateStream`), at its
 *   defaults (a new sqlite3 connection per operation, WAL, synchronous FULL) and tuned (one
 *   shared connection, at FULL as the others and at NORMAL, where a power loss may lose the last
 *   commits).
 *
 * Each is seeded beforehand, outside the timing, on a connection with `synchronous = OFF`.
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { decideClassify, factKey, foldAccount, newEventOf, openedFact, streamOf, type Contender, type Fact } from './contender.js'
import { emmettContender } from './emmett-contender.js'
import { libraryContender, unwrap } from './library-contender.js'
import type { Peers } from './peers.js'

/** This library's SQLite store, with `accounts` opened. */
export const librarySqlite = async (path: string, accounts: number): Promise<Contender> => {
  const seeding = new Database(path)
  const seeder = unwrap(openSqliteEventStore({ database: seeding }))
  seeding.pragma('synchronous = OFF')
  for (let a = 0; a < accounts; a++) unwrap(await seeder.append(accountStream(`kunde-${a}` as AccountId), [newEventOf(openedFact(a))], { expectedVersion: 'no-stream' }))
  await seeder.close()
  seeding.close()
  return libraryContender(unwrap(openSqliteEventStore({ path })))
}

const rawSchema = `CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  stream_version INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  UNIQUE (stream_id, stream_version))`

/** Raw better-sqlite3, at `synchronous` (FULL unless named; OFF only to measure CPU apart from the sync), with `accounts` opened. */
export const rawSqlite = (path: string, accounts: number, synchronous: 'FULL' | 'NORMAL' | 'OFF' = 'FULL'): Contender => {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.exec(rawSchema)
  const insert = db.prepare('INSERT INTO events (stream_id, stream_version, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
  const insertAll = (stream: string, from: number, facts: ReadonlyArray<Fact>) => {
    const recordedAt = new Date().toISOString()
    facts.forEach((f, k) => insert.run(stream, from + k, f.type, JSON.stringify(f.data), JSON.stringify(f.metadata), recordedAt))
  }
  db.pragma('synchronous = OFF')
  db.transaction(() => {
    for (let a = 0; a < accounts; a++) insertAll(streamOf(a), 0, [openedFact(a)])
  })()
  db.pragma(`synchronous = ${synchronous}`)
  const readStream = db.prepare<[string], { type: string; data: string }>('SELECT type, data FROM events WHERE stream_id = ? ORDER BY stream_version')
  const tip = db.prepare<[string], { v: number | null }>('SELECT max(stream_version) AS v FROM events WHERE stream_id = ?').pluck(false)
  const loaded = (stream: string) => readStream.all(stream).map((r) => ({ type: r.type, data: JSON.parse(r.data) as unknown }))
  const classify = db.transaction((account: number, score: number, commandId: string) => {
    const events = loaded(streamOf(account))
    insertAll(streamOf(account), events.length, decideClassify(account, score, commandId, foldAccount(events)))
  })
  const appendNew = db.transaction((stream: string, facts: ReadonlyArray<Fact>) => {
    if (tip.get(stream)?.v != null) throw new Error(`${stream} exists`)
    insertAll(stream, 0, facts)
  })
  return {
    name: `raw better-sqlite3${synchronous === 'FULL' ? '' : ` (synchronous ${synchronous})`}`,
    classify: async (account, score, commandId) => classify.immediate(account, score, commandId),
    appendBatch: async (stream, facts) => appendNew.immediate(stream, facts),
    async readAndFold(stream) {
      const events = loaded(stream)
      foldAccount(events)
      return events.length
    },
    stored: async () =>
      db
        .prepare<[], { stream_id: string; data: string; metadata: string }>('SELECT stream_id, data, metadata FROM events')
        .all()
        .map((r) => factKey(r.stream_id, JSON.parse(r.metadata) as Record<string, unknown>, JSON.parse(r.data) as Record<string, unknown>)),
    close: async () => void db.close(),
  }
}

/** How Emmett SQLite is set up: its defaults, or one shared connection at a synchronous level. */
export type EmmettSqliteSetup = { readonly kind: 'defaults' } | { readonly kind: 'shared connection'; readonly synchronous: 'FULL' | 'NORMAL' }

/** Emmett SQLite through its public API, set up as `setup` says, with `accounts` opened. */
export const emmettSqlite = async (peers: Peers, path: string, accounts: number, setup: EmmettSqliteSetup): Promise<Contender> => {
  const { sqlite } = peers
  // Seeding: Emmett's own append on one connection, a thousand streams per transaction.
  const seeding = sqlite.sqliteConnection({ fileName: path })
  await sqlite.getSQLiteEventStore({ fileName: path, pool: sqlite.SQLiteConnectionPool({ fileName: path, connectionOptions: { singleton: true, connection: seeding } }) }).schema.migrate()
  await seeding.command('PRAGMA synchronous = OFF')
  for (let from = 0; from < accounts; from += 1000)
    await seeding.withTransaction(async () => {
      for (let a = from; a < Math.min(accounts, from + 1000); a++) {
        const appended = await sqlite.appendToStream(seeding, streamOf(a), 'account', [openedFact(a)])
        if (!appended.success) throw new Error(`seeding ${streamOf(a)} failed`)
      }
    })
  seeding.close()

  const shared = setup.kind === 'defaults' ? undefined : sqlite.sqliteConnection({ fileName: path })
  if (shared !== undefined && setup.kind === 'shared connection') await shared.command(`PRAGMA synchronous = ${setup.synchronous}`)
  const store = sqlite.getSQLiteEventStore(
    shared === undefined ? { fileName: path } : { fileName: path, pool: sqlite.SQLiteConnectionPool({ fileName: path, connectionOptions: { singleton: true, connection: shared } }) },
  )
  const reader = shared ?? sqlite.sqliteConnection({ fileName: path })
  const name = setup.kind === 'defaults' ? 'Emmett SQLite, defaults (connection per operation, FULL)' : `Emmett SQLite, tuned (shared connection, ${setup.synchronous})`
  return emmettContender(peers, name, store, {
    stored: async () =>
      (await reader.query<{ stream_id: string; message_data: string; message_metadata: string }>('SELECT stream_id, message_data, message_metadata FROM emt_messages')).map((r) =>
        factKey(r.stream_id, JSON.parse(r.message_metadata) as Record<string, unknown>, JSON.parse(r.message_data) as Record<string, unknown>),
      ),
    async close() {
      reader.close()
    },
  })
}
