import { accountStream } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { knownSchemaVersion, openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashOf, openOrThrow, seedFile, seededStream, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('open')

describe('opening a file', () => {
  it('refuses a file that is not a database and leaves its bytes as they were', () => {
    const file = scratch.file('notes.txt')
    writeFileSync(file, `Kundenliste\n${randomBytes(8192).toString('hex')}\n`)
    const before = hashOf(file)
    const opened = openSqliteEventStore({ path: file })
    expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError', reason: 'not-a-database', path: file })))
    expect(hashOf(file)).toBe(before)
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a database of a newer schema version and leaves its bytes as they were', async () => {
    const file = scratch.file()
    await seedFile(file)
    const raw = new Database(file)
    raw.prepare('INSERT INTO ao_schema_version (version, applied_at) VALUES (?, ?)').run(knownSchemaVersion + 1, '2030-01-01T00:00:00.000Z')
    raw.close()
    const before = hashOf(file)
    for (const readonly of [false, true]) {
      const opened = openSqliteEventStore({ path: file, readonly })
      expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError', reason: 'newer-schema' })))
      expect(hashOf(file)).toBe(before)
    }
  })

  it('refuses to open a missing file read-only, and creates nothing', () => {
    const file = scratch.file('missing.db')
    expect(openSqliteEventStore({ path: file, readonly: true })).toEqual(E.left(expect.objectContaining({ reason: 'cannot-open' })))
    expect(existsSync(file)).toBe(false)
  })

  it('refuses a directory that does not exist', () => {
    expect(openSqliteEventStore({ path: join(scratch.dir, 'nowhere', 'x.db') })).toEqual(E.left(expect.objectContaining({ reason: 'cannot-open' })))
  })

  it('creates the schema once and keeps the log across reopening', async () => {
    const file = scratch.file()
    await seedFile(file)
    const store = openOrThrow({ path: file })
    expect((await settle(store.readStream(seededStream))).items.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n, 2n, 3n])
    await store.close()
    const raw = new Database(file, { readonly: true })
    expect(raw.prepare('SELECT version FROM ao_schema_version ORDER BY version').all()).toEqual(Array.from({ length: knownSchemaVersion }, (_, i) => ({ version: i + 1 })))
    // Closed by its last writer, the log is one self-contained file in rollback-journal mode again,
    // which a read-only connection reads without creating a -wal or -shm beside it.
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete')
    raw.close()
    expect([existsSync(`${file}-wal`), existsSync(`${file}-shm`)]).toEqual([false, false])
  })

  it('stays in WAL while another connection is open, and the last writer to close leaves one file', async () => {
    const file = scratch.file()
    await seedFile(file)
    const first = openOrThrow({ path: file })
    const second = openOrThrow({ path: file })
    expect(await second.headPosition()).toEqual(E.right(4n))
    await first.close()
    expect(readFileSync(file)[18]).toBe(2)
    expect(await second.headPosition()).toEqual(E.right(4n))
    await second.close()
    expect(readFileSync(file)[18]).toBe(1)
    expect([existsSync(`${file}-wal`), existsSync(`${file}-shm`)]).toEqual([false, false])
  })

  it('keeps the log append-only on every connection, so no position is handed out twice', async () => {
    const file = scratch.file()
    await seedFile(file)
    const raw = new Database(file)
    // A connection that is not the store's — the CRM's own, say — can neither delete nor change an event.
    expect(() => raw.exec('DELETE FROM ao_events')).toThrow(/append-only: a recorded event cannot be deleted/)
    expect(() => raw.exec('DELETE FROM ao_events WHERE global_position = 4')).toThrow(/append-only/)
    expect(() => raw.exec("UPDATE ao_events SET data = '{}' WHERE global_position = 2")).toThrow(/append-only: a recorded event cannot be changed/)
    expect(() => raw.exec('UPDATE ao_events SET global_position = 9 WHERE global_position = 4')).toThrow(/append-only/)
    expect(raw.prepare('SELECT count(*) AS n, max(global_position) AS head FROM ao_events').get()).toEqual({ n: 4, head: 4 })
    raw.close()
    const store = openOrThrow({ path: file })
    const other = accountStream(account('kunde-2'))
    const appended = await store.append(other, [newEvent({ type: 'AccountOpened', data: { accountId: account('kunde-2'), tenantId: 'acme-de' as never, displayName: 'Beta AG', tier: 'standard', openedBy: 'dora' as never } })], { expectedVersion: 'no-stream' })
    expect(appended).toEqual(E.right(expect.objectContaining({ lastGlobalPosition: 5n })))
    await store.close()
  })

  it('works on a connection the caller owns, and leaves it open on close', async () => {
    const db = new Database(scratch.file())
    const store = openOrThrow({ database: db })
    const [first] = (await settle(store.readAll())).items
    expect(first).toBeUndefined()
    await store.close()
    expect(db.open).toBe(true)
    expect(db.prepare('SELECT count(*) AS n FROM ao_events').get()).toEqual({ n: 0 })
    db.close()
  })

  it('answers a closed store with a StoreUnavailableError that is not retryable', async () => {
    const store = openOrThrow({ path: scratch.file() })
    await store.close()
    expect(await store.headPosition()).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false })))
    expect((await settle(store.readAll())).error).toMatchObject({ _tag: 'StoreUnavailableError', retryable: false })
  })
})

describe('a connection handed in while its owner holds a transaction', () => {
  const classified = (id: string) => newEvent({ type: 'AccountClassified', data: { accountId: account('kunde-1'), tier: 'standard', score: 1, criteria: ['umsatz'], classifiedBy: 'dora' as never } }, { eventId: id })
  const stream = accountStream(account('kunde-1'))

  // The caller's own unit of work, open across an await as a Kysely transaction on the same connection is.
  it.each([['one transaction per append', { groupCommit: false }] as const, ['group commit', {}] as const])(
    'refuses an append (%s): acknowledged inside it, the append would be rolled back with it, and its tip would outlive it',
    async (_, settings) => {
      const db = new Database(scratch.file())
      const store = openOrThrow({ database: db, ...settings })
      expect(E.isRight(await store.append(stream, [classified('e1')], { expectedVersion: 'no-stream' }))).toBe(true)
      db.exec('CREATE TABLE crm (x)')
      db.exec('BEGIN')
      db.exec("INSERT INTO crm VALUES ('y')")
      expect(await store.append(stream, [classified('e2')], { expectedVersion: 0n })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false, message: expect.stringMatching(/transaction of its own/) })))
      expect(await store.importStored([])).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', message: expect.stringMatching(/transaction of its own/) })))
      db.exec('ROLLBACK')
      // Outside it the store goes on from the version the file holds, and the chain stays whole.
      expect(await store.append(stream, [classified('e3')], { expectedVersion: 1n })).toEqual(E.left(expect.objectContaining({ _tag: 'ConcurrencyError', actual: 0n })))
      expect(E.isRight(await store.append(stream, [classified('e3')], { expectedVersion: 0n }))).toBe(true)
      const verified = await settle(store.readAll({ verifyHashes: true }))
      expect(verified.error).toBeUndefined()
      expect(verified.items.map((e) => e.metadata.eventId)).toEqual(['e1', 'e3'])
      await store.close()
      db.close()
    },
  )
})

describe('opening a connection handed in', () => {
  it('refuses a connection that is already closed, with a typed error instead of a throw', () => {
    const db = new Database(scratch.file())
    db.close()
    expect(openSqliteEventStore({ database: db, busyTimeoutMs: 100 })).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError', path: undefined })))
    expect(openSqliteEventStore({ database: db })).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError' })))
  })
})
