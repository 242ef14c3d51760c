/**
 * Importing stored rows into the SQLite log (core's `StoredEventImport`), so a log copied from
 * another store — PostgreSQL, or another file — keeps its event ids, versions, positions, times
 * and chain hashes. The import runs in one `BEGIN IMMEDIATE` transaction, so it never interleaves
 * with appends; core's `checkImport` refuses any row that does not continue the log.
 *
 * @module
 */
import {
  DuplicateEventError,
  checkImport,
  type ImportError,
  type ImportResult,
  type StoredEvent,
  type StreamTip,
} from '@account-ownership/core'
import type Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { callersTransactionError, isRecordedEventId, isSqliteFailure, storeErrorOfSqlite } from './sqlite-errors.js'

/**
 * Import `rows` into the log of `db`, all or nothing.
 * @category store
 * @since 0.2.0
 */
export const importStoredRows = (db: Database.Database, rows: ReadonlyArray<StoredEvent>): E.Either<ImportError, ImportResult> => {
  if (db.inTransaction) return E.left(callersTransactionError())
  try {
    const tip = db.prepare<[string], { version: bigint; hash: string | null }>(
      'SELECT stream_version AS version, hash FROM ao_events WHERE stream_id = CAST(? AS TEXT) ORDER BY stream_version DESC LIMIT 1',
    ).safeIntegers(true)
    const head = db.prepare<[], { p: bigint }>('SELECT coalesce(max(global_position), 0) AS p FROM ao_events').safeIntegers(true)
    const insert = db.prepare(
      `INSERT INTO ao_events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).safeIntegers(true)
    const run = db.transaction((): E.Either<ImportError, ImportResult> => {
      const tips = new Map<string, StreamTip>()
      for (const streamId of Array.isArray(rows) ? new Set(rows.map((r) => r?.streamId)) : []) {
        const found = typeof streamId === 'string' ? tip.get(streamId) : undefined
        if (found !== undefined) tips.set(streamId!, { version: found.version, hash: found.hash ?? '' })
      }
      const checked = checkImport(rows, tips, head.get()!.p, { dense: true })
      if (E.isLeft(checked)) return checked
      for (const r of rows) insert.run(r.globalPosition, r.streamId, r.streamVersion, r.eventId, r.type, r.schemaVersion, r.data, r.metadata, r.recordedAt, r.hash!)
      return E.right({ imported: rows.length, head: rows[rows.length - 1]!.globalPosition })
    })
    return run.immediate()
  } catch (e) {
    if (isRecordedEventId(e)) {
      const recorded = db.prepare<[string], { stream_id: string }>('SELECT stream_id FROM ao_events WHERE event_id = ?')
      const first = rows.find((r) => recorded.get(r.eventId) !== undefined)
      if (first !== undefined) return E.left(new DuplicateEventError(first.eventId, recorded.get(first.eventId)!.stream_id))
    }
    if (isSqliteFailure(e)) return E.left(storeErrorOfSqlite(e))
    throw e
  }
}
