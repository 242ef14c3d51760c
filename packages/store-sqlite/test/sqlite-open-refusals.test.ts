import type { AccountId } from '@account-ownership/core'
import { knownSchemaVersion, openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { chmodSync, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { classifiedEvent } from './processes/classified-event.js'
import { hashOf, openOrThrow, seedFile, seededStream, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('refusals')
const journalModeByte = (file: string) => readFileSync(file)[18]

describe('files the store refuses to write', () => {
  it('refuses a file without write permission up front, and reads it when asked to only read', async () => {
    const file = scratch.file()
    await seedFile(file)
    chmodSync(file, 0o444)
    const before = hashOf(file)
    expect(openSqliteEventStore({ path: file })).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError', reason: 'read-only-file', message: expect.stringMatching(/readonly: true/) })))
    expect(hashOf(file)).toBe(before)
    const auditor = openOrThrow({ path: file, readonly: true })
    expect((await settle(auditor.readStream(seededStream))).items).toHaveLength(4)
    await auditor.close()
    expect(hashOf(file)).toBe(before)
  })

  it('refuses a database of something else — no tables added, not switched to WAL, not a byte changed', () => {
    const file = scratch.file('crm.db')
    const crm = new Database(file)
    crm.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('Erika')`)
    crm.close()
    const before = hashOf(file)
    for (const readonly of [false, true]) {
      expect(openSqliteEventStore({ path: file, readonly })).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError', reason: 'not-an-event-store' })))
    }
    expect(hashOf(file)).toBe(before)
    expect(journalModeByte(file)).toBe(1)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('still keeps the log beside the caller’s own tables in a connection handed in', async () => {
    const db = new Database(scratch.file('crm-shared.db'))
    db.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY)')
    const store = openOrThrow({ database: db })
    expect(await store.headPosition()).toEqual(E.right(0n))
    await store.close()
    db.close()
  })

  it('refuses a missing file opened read-only, and creates none', () => {
    const file = scratch.file('missing.db')
    expect(openSqliteEventStore({ path: file, readonly: true })).toEqual(E.left(expect.objectContaining({ reason: 'cannot-open' })))
    expect(existsSync(file)).toBe(false)
  })

  it('does not migrate an old schema opened read-only: a writer must migrate it first', async () => {
    const file = scratch.file()
    const old = new Database(file)
    old.exec(`CREATE TABLE ao_events (
      global_position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL,
      type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
      CONSTRAINT ao_events_stream_version UNIQUE (stream_id, stream_version), CONSTRAINT ao_events_event_id UNIQUE (event_id));
      CREATE TABLE ao_schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
      INSERT INTO ao_schema_version VALUES (1, '2026-01-01T00:00:00.000Z')`)
    old.close()
    const before = hashOf(file)
    expect(openSqliteEventStore({ path: file, readonly: true })).toEqual(
      E.left(expect.objectContaining({ reason: 'older-schema', message: expect.stringMatching(/a writer must migrate it first/) })),
    )
    expect(hashOf(file)).toBe(before)
    await openOrThrow({ path: file }).close()
    const migrated = new Database(file, { readonly: true })
    expect(migrated.prepare('SELECT max(version) AS v FROM ao_schema_version').get()).toEqual({ v: knownSchemaVersion })
    migrated.close()
  })
})

describe('opening while another process appends', () => {
  it('does not wait for the write lock when the file needs no migration, for writing or for reading', async () => {
    const file = scratch.file()
    await seedFile(file)
    const running = openOrThrow({ path: file })
    const appending = new Database(file)
    appending.exec('BEGIN IMMEDIATE')
    try {
      for (const readonly of [false, true]) {
        const opened = openSqliteEventStore({ path: file, readonly, busyTimeoutMs: 0 })
        if (E.isLeft(opened)) throw opened.left
        expect(await opened.right.headPosition()).toEqual(E.right(4n))
        await opened.right.close()
      }
    } finally {
      appending.exec('ROLLBACK')
      appending.close()
      await running.close()
    }
  })
})

// Another writer in a worker thread: it takes the file's write lock, says so, and lets go after
// `holdMs`. better-sqlite3 waits synchronously, so the lock cannot be held by this thread.
const lockHeldElsewhere = (file: string, holdMs: number): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(
      `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))})
       const { parentPort } = require('node:worker_threads')
       const db = new Database(${JSON.stringify(file)})
       db.exec('BEGIN IMMEDIATE')
       parentPort.postMessage('locked')
       setTimeout(() => { db.exec('COMMIT'); db.close() }, ${holdMs})`,
      { eval: true },
    )
    worker.once('message', () => resolve(worker))
    worker.once('error', reject)
  })

describe('the connection after open', () => {
  it('lets an append wait for another writer’s lock, 5 seconds by default', async () => {
    const file = scratch.file()
    await seedFile(file)
    const store = openOrThrow({ path: file })
    const worker = await lockHeldElsewhere(file, 300)
    const appended = await store.append(seededStream, [classifiedEvent('kunde-1' as AccountId, 1, 'waited', 'waited-1')], { expectedVersion: 3n })
    expect(appended).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 4n })))
    await worker.terminate()
    await store.close()
  })

  it('runs in WAL with synchronous = FULL and the busy timeout given', async () => {
    const db = new Database(scratch.file())
    const store = openOrThrow({ database: db, busyTimeoutMs: 1234 })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    // 2 is FULL; this build of SQLite defaults to NORMAL (1) in WAL, which loses the last commits on power loss.
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234)
    await store.close()
    db.close()
  })
})
