/**
 * Files for the SQLite benchmarks: a fresh directory under the system's temporary directory,
 * removed when the process ends, and a raw better-sqlite3 connection to a file with exactly the
 * adapter's tables and pragmas, so the baseline inserts into the same table shape; and the event
 * the benchmarks append (built here rather than with the test kit, which would load vitest).
 *
 * @module
 */
import type { NewEvent } from '@account-ownership/core'
import { openSqliteEventStore, type SqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'ao-bench-sqlite-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
let n = 0

/** A new path in the benchmark's directory. */
export const benchFile = (): string => join(dir, `bench-${++n}.db`)

/** The adapter on a new file. */
export const adapterOn = (path: string): SqliteEventStore => {
  const opened = openSqliteEventStore({ path })
  if (opened._tag === 'Left') throw opened.left
  return opened.right
}

/** A raw connection to a new file whose schema the adapter created, with the adapter's pragmas. */
export const rawOn = async (path: string): Promise<Database.Database> => {
  await adapterOn(path).close()
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  return db
}

/** The raw insert of one row of `ao_events`, chain hash included. */
export const rawInsertSql =
  'INSERT INTO ao_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'

/** A whole number with thousands separators. */
export const whole = (x: number): string => Math.round(x).toLocaleString('en-US')

/** An `AccountClassified` event of account `kunde-<i % accounts>` with event id `evt-<i>`. */
export const classified = (i: number, accounts: number): NewEvent =>
  ({
    type: 'AccountClassified',
    data: { accountId: `kunde-${i % accounts}`, tier: 'standard', score: i, criteria: ['umsatz'], classifiedBy: 'dora' },
    metadata: {
      eventId: `evt-${i}`,
      occurredAt: '2026-03-12T09:00:00.000Z',
      actor: { principalId: 'dora' },
      tenantId: 'acme-de',
      correlationId: `corr-${i}`,
      causationId: `corr-${i}`,
      commandId: `cmd-${i}`,
    },
  }) as unknown as NewEvent
