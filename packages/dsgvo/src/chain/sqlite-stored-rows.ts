/**
 * The rows of a SQLite event log exactly as stored, for verification: read straight from the
 * `ao_events` table of `@account-ownership/store-sqlite`, in global order, one at a time, without
 * decoding — a verifier must look at the bytes, not at what a codec makes of them.
 *
 * @module
 */
import type Database from 'better-sqlite3'
import type { RawStoredRow } from './verify-chain.js'

interface EventRow {
  readonly global_position: unknown
  readonly stream_id: unknown
  readonly stream_version: unknown
  readonly event_id: unknown
  readonly type: unknown
  readonly schema_version: unknown
  readonly data: unknown
  readonly metadata: unknown
  readonly recorded_at: unknown
  readonly hash: unknown
}

/**
 * Every stored row of a SQLite event log in global order; integers as `bigint`.
 * @category tamper evidence
 * @since 0.1.0
 * @example
 * const verified = await verifyChain(sqliteStoredRows(new Database('kunden.db', { readonly: true })))
 */
export function* sqliteStoredRows(db: Database.Database): Generator<RawStoredRow> {
  const rows = db
    .prepare<[], EventRow>('SELECT global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash FROM ao_events ORDER BY global_position')
    .safeIntegers(true)
  for (const row of rows.iterate()) {
    yield {
      globalPosition: row.global_position,
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
      hash: row.hash,
    }
  }
}
