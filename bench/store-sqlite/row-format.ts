// What the row format of `ao_events` costs a commit: WAL frames (pages written and synced) and CPU
// per one-event commit, for the table as schema 2 made it, as schema 3 makes it, and for two
// variants that were measured and not taken. Rows like a command's (one AccountClassified, the
// library's metadata, a chain hash), 1,000 streams, time-ordered event ids; synchronous = OFF and
// no checkpoints while it counts, so the WAL's growth is the frames. Not a `.bench.ts`: run by hand.
//
//   cd bench && npx --yes pnpm@12.21.0 exec tsx store-sqlite/row-format.ts
import Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import { statSync } from 'node:fs'
import { benchFile } from './bench-file.js'

const columns = (position: string, eventId: string, hash: string, eventIdIndex: boolean) =>
  `global_position ${position}, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id ${eventId} NOT NULL, type TEXT NOT NULL,
   schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, hash ${hash},
   UNIQUE (stream_id, stream_version)${eventIdIndex ? ', UNIQUE (event_id)' : ''}`
const variants = [
  { name: 'schema 2: position AUTOINCREMENT', sql: columns('INTEGER PRIMARY KEY AUTOINCREMENT', 'TEXT', 'TEXT', true), blobs: false },
  { name: 'schema 3: position the rowid, append-only by trigger', sql: columns('INTEGER PRIMARY KEY', 'TEXT', 'TEXT', true), blobs: false, appendOnly: true },
  { name: 'schema 2 with the event id (16 bytes) and the hash (32 bytes) as BLOBs', sql: columns('INTEGER PRIMARY KEY AUTOINCREMENT', 'BLOB', 'BLOB', true), blobs: true },
  { name: 'schema 2 without the event-id index (not an option: idempotency by event id needs it)', sql: columns('INTEGER PRIMARY KEY AUTOINCREMENT', 'TEXT', 'TEXT', false), blobs: false },
]
const streams = 1000
const warmUp = 5000
const counted = 20_000
const pageAndHeader = 4096 + 24
const data = JSON.stringify({ accountId: 'kunde-123', tier: 'standard', score: 42, criteria: ['umsatz'], classifiedBy: 'dora' })
const metadata = JSON.stringify({ eventId: randomUUID(), occurredAt: '2026-03-12T09:00:00.000Z', actor: { principalId: 'dora' }, tenantId: 'acme-de', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID() })

console.log('| row format | WAL frames per commit | CPU µs per commit |\n|---|---:|---:|')
for (const variant of variants) {
  const path = benchFile()
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.exec(`CREATE TABLE ao_events (${variant.sql})`)
  if ('appendOnly' in variant) {
    db.exec(`CREATE TRIGGER no_update BEFORE UPDATE ON ao_events BEGIN SELECT RAISE(ABORT, 'append-only'); END;
             CREATE TRIGGER no_delete BEFORE DELETE ON ao_events BEGIN SELECT RAISE(ABORT, 'append-only'); END;`)
  }
  const insert = db.prepare('INSERT INTO ao_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const versions = new Array<number>(streams).fill(0)
  const commit = db.transaction((i: number) => {
    const stream = i % streams
    const eventId = `0190${i.toString(16).padStart(28, '0')}` // time-ordered, as the handler's UUIDv7
    const hash = createHash('sha256').update(String(i)).digest()
    insert.run(`account-kunde-${stream}`, versions[stream]!++, variant.blobs ? Buffer.from(eventId, 'hex') : eventId, 'AccountClassified', 1, data, metadata, new Date().toISOString(), variant.blobs ? hash : hash.toString('hex'))
  })
  for (let i = 0; i < warmUp; i++) commit.immediate(i)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('wal_autocheckpoint = 0')
  const cpu = process.cpuUsage()
  for (let i = warmUp; i < warmUp + counted; i++) commit.immediate(i)
  const used = process.cpuUsage(cpu)
  console.log(`| ${variant.name} | ${(statSync(`${path}-wal`).size / pageAndHeader / counted).toFixed(2)} | ${((used.user + used.system) / counted).toFixed(1)} |`)
  db.close()
}
