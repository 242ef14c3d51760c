import { accountStream } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { knownSchemaVersion } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { openOrThrow, seedFile, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('migration')

// The tables as schema 2 left them (0.2.0): the position AUTOINCREMENT, no triggers.
const schema2 = `
  CREATE TABLE ao_schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
  INSERT INTO ao_schema_version VALUES (1, '2026-01-05T08:00:00.000Z'), (2, '2026-03-02T08:00:00.000Z');
  CREATE TABLE ao_events (
     global_position INTEGER PRIMARY KEY AUTOINCREMENT,
     stream_id       TEXT    NOT NULL,
     stream_version  INTEGER NOT NULL,
     event_id        TEXT    NOT NULL,
     type            TEXT    NOT NULL,
     schema_version  INTEGER NOT NULL,
     data            TEXT    NOT NULL,
     metadata        TEXT    NOT NULL,
     recorded_at     TEXT    NOT NULL,
     hash            TEXT,
     CONSTRAINT ao_events_stream_version UNIQUE (stream_id, stream_version),
     CONSTRAINT ao_events_event_id UNIQUE (event_id))`

/** A schema-2 file holding the seeded file's four events, row for row; `change` runs on it last. */
const schema2File = async (change = ''): Promise<string> => {
  const seeded = scratch.file()
  await seedFile(seeded)
  const file = scratch.file()
  const db = new Database(file)
  db.exec(schema2)
  db.exec(`ATTACH '${seeded}' AS seeded; INSERT INTO ao_events SELECT * FROM seeded.ao_events; DETACH seeded`)
  if (change !== '') db.exec(change)
  db.close()
  return file
}

const rowsOf = (file: string) => {
  const db = new Database(file, { readonly: true })
  const rows = db.prepare('SELECT * FROM ao_events ORDER BY global_position').all()
  const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'ao_events'`).get() as { sql: string }).sql
  const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).pluck().all()
  db.close()
  return { rows, sql, triggers }
}

const opened = (n: number) => [newEvent({ type: 'AccountOpened', data: { accountId: account(`kunde-${n}`), tenantId: 'acme-de' as never, displayName: `Kunde ${n}`, tier: 'standard', openedBy: 'dora' as never } })]

describe('schema 3: the log append-only by trigger', () => {
  it('migrates a schema-2 file: every row kept as it was, the chain still verifies, the next position follows the largest', async () => {
    const file = await schema2File()
    const before = rowsOf(file)
    expect(before.sql).toMatch(/AUTOINCREMENT/)
    const store = openOrThrow({ path: file })
    await store.close()
    const after = rowsOf(file)
    expect(after.rows).toEqual(before.rows)
    expect(after.sql).toBe(before.sql)
    expect(after.triggers).toEqual(['ao_events_no_delete', 'ao_events_no_update'])
    const db = new Database(file)
    expect(db.prepare('SELECT max(version) FROM ao_schema_version').pluck().get()).toBe(knownSchemaVersion)
    expect(() => db.exec('DELETE FROM ao_events WHERE global_position = 4')).toThrow(/append-only/)
    db.close()

    const reopened = openOrThrow({ path: file })
    const appended = await reopened.append(accountStream(account('kunde-2')), opened(2), { expectedVersion: 'no-stream' })
    expect(appended).toEqual(E.right(expect.objectContaining({ lastGlobalPosition: 5n })))
    const { items, error } = await settle(reopened.readAll({ verifyHashes: true }))
    expect(error).toBeUndefined()
    expect(items.map((e) => e.metadata.globalPosition)).toEqual([1n, 2n, 3n, 4n, 5n])
    await reopened.close()
  })

  it('keeps the counter of a schema-2 file whose last events were deleted before, so their positions are still never handed out again', async () => {
    const file = await schema2File('DELETE FROM ao_events WHERE global_position >= 3')
    const store = openOrThrow({ path: file })
    const appended = await store.append(accountStream(account('kunde-2')), opened(2), { expectedVersion: 'no-stream' })
    expect(appended).toEqual(E.right(expect.objectContaining({ lastGlobalPosition: 5n })))
    await store.close()
    const after = rowsOf(file)
    expect(after.sql).toMatch(/AUTOINCREMENT/)
    expect(after.triggers).toEqual(['ao_events_no_delete', 'ao_events_no_update'])
  })

  it('gives a new file a table without AUTOINCREMENT, append-only from the start', async () => {
    const file = scratch.file()
    await seedFile(file)
    const { sql, triggers } = rowsOf(file)
    expect(sql).not.toMatch(/AUTOINCREMENT/)
    expect(triggers).toEqual(['ao_events_no_delete', 'ao_events_no_update'])
  })
})
