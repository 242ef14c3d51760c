/**
 * The statements the event store runs, prepared once per connection, and the mapping of their
 * rows to core's one row format (`StoredEvent`). Every statement that reads a version or a
 * position runs with `safeIntegers`, so they arrive as `bigint` and never lose precision.
 *
 * @module
 */
import { genesisHash, type StoredEvent } from '@account-ownership/core'
import type Database from 'better-sqlite3'
import type { WriteMark } from './sqlite-stream-tips.js'

/** A row of `ao_events` as the select statements return it (safe integers). */
interface EventRow {
  readonly global_position: bigint
  readonly stream_id: string
  readonly stream_version: bigint
  readonly event_id: string
  readonly type: string
  readonly schema_version: bigint
  readonly data: string
  readonly metadata: string
  readonly recorded_at: string
  readonly hash: string | null
}

/** A row of `ao_events` with the hash of its predecessor in its stream. */
type StoredRow = EventRow & { readonly previous_hash: string | null }

const columns = 'global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash'

/**
 * The largest position or version a bound can name (SQLite's largest integer).
 * @category store
 * @since 0.1.0
 */
export const maxInteger = 9223372036854775807n

/**
 * Core's row format of an `ao_events` row.
 * @category store
 * @since 0.1.0
 */
export const storedEventOf = (row: EventRow): StoredEvent => {
  // Built as one literal and completed, not spread: a replay makes a million of these.
  const stored: { -readonly [K in keyof StoredEvent]: StoredEvent[K] } = {
    globalPosition: row.global_position,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  }
  if (row.hash !== null) stored.hash = row.hash
  return stored
}

/**
 * The prepared statements of one connection.
 * @category store
 * @since 0.1.0
 */
export interface SqliteStatements {
  /** The row of one event id, if recorded. */
  readonly byEventId: (eventId: string) => StoredEvent | undefined
  /** The version of a stream's last event, or `null` when the stream has none. */
  readonly streamHead: (streamId: string) => bigint | null
  /** A stream's last event: its version and chain hash (`null` if written before the chain); for appends. */
  readonly streamTip: (streamId: string) => { readonly version: bigint; readonly hash: string | null } | undefined
  /** The position of the last event, or `0n`. */
  readonly logHead: () => bigint
  /** Where the file stands for this connection (`sqlite-stream-tips.ts`); inside a write transaction. Writers only. */
  readonly writeMark: (() => WriteMark) | undefined
  /** Insert one event; answers its global position. Writers only. */
  readonly insert: ((row: Omit<StoredEvent, 'globalPosition'>) => bigint) | undefined
  /** At most `limit` events of a stream from version `from` to `to`, in version order, for decoding (no hash). */
  readonly streamPage: (streamId: string, from: bigint, to: bigint, limit: number) => Array<StoredEvent>
  /** At most `limit` events from position `from` to `to`, in global order; none of `skipped` where given. */
  readonly logPage: (from: bigint, to: bigint, limit: number, skipped?: TypeFilter) => Array<StoredEvent>
  /** As `logPage`, each row with the hash of its predecessor in its stream (`previousHash`). */
  readonly storedPage: (from: bigint, to: bigint, limit: number, skipped?: TypeFilter) => Array<StoredEvent>
}

/**
 * The event types a log read leaves out, as the JSON array its statements take (`json_each`),
 * so that one prepared statement serves every filter.
 * @category store
 * @since 0.3.0
 */
export type TypeFilter = string & { readonly TypeFilter: unique symbol }

/**
 * The filter that leaves out `skippedTypes`, or `undefined` (every type) where there are none.
 * @category store
 * @since 0.3.0
 */
export const typeFilterOf = (skippedTypes: ReadonlyArray<string> | undefined): TypeFilter | undefined =>
  skippedTypes === undefined ? undefined : (JSON.stringify(skippedTypes) as TypeFilter)

/*
 * A value bound where the planner may look at it (a LIMIT, an equality that might let it drop an
 * ORDER BY term, a max()) makes SQLite (built with STAT4, as better-sqlite3 is) prepare the
 * statement again at every call: 20–40 µs, more than the read of a short stream itself. Wrapped
 * in a CAST, the value is hidden from the planner, so the plan is made once; the plan is the same
 * index search, and a text or an integer cast to its own type is itself. Measured in
 * `bench/store-sqlite/statements.bench.ts`.
 */
const text = 'CAST(? AS TEXT)'
const integer = 'CAST(? AS INTEGER)'

// The filter goes into the query, so that SQLite skips the other rows before they are copied
// into JavaScript strings, let alone decoded; the position range keeps it a scan of the rowid.
// It names what to leave out, so that a row of an unknown type is still read and fails as corrupt.
const skipping = (where: string, typeColumn: string) => where.replace(' ORDER BY', ` AND ${typeColumn} NOT IN (SELECT value FROM json_each(?)) ORDER BY`)

/**
 * Prepare the statements on a connection; `insert` only where it may write.
 * @category store
 * @since 0.1.0
 */
export const prepareStatements = (db: Database.Database, writable: boolean): SqliteStatements => {
  const byEventId = db.prepare<[string], EventRow>(`SELECT ${columns} FROM ao_events WHERE event_id = ?`).safeIntegers(true)
  const streamHead = db.prepare<[string], { v: bigint | null }>(`SELECT max(stream_version) AS v FROM ao_events WHERE stream_id = ${text}`).safeIntegers(true)
  // An append needs both the version and the hash of the stream's last event: one index probe.
  const streamTip = db
    .prepare<[string], { version: bigint; hash: string | null }>(`SELECT stream_version AS version, hash FROM ao_events WHERE stream_id = ${text} ORDER BY stream_version DESC LIMIT 1`)
    .safeIntegers(true)
  const logHead = db.prepare<[], { p: bigint }>('SELECT coalesce(max(global_position), 0) AS p FROM ao_events').safeIntegers(true)
  // A decoded event carries no chain hash: reading it would copy 64 characters a row for nothing.
  const decodedColumns = columns.replace(', hash', ', NULL AS hash')
  const streamPage = db
    .prepare<[string, bigint, bigint, number], EventRow>(
      `SELECT ${decodedColumns} FROM ao_events WHERE stream_id = ${text} AND stream_version >= ${integer} AND stream_version <= ${integer} ORDER BY stream_version LIMIT ${integer}`,
    )
    .safeIntegers(true)
  const logSql = `SELECT ${decodedColumns} FROM ao_events WHERE global_position >= ${integer} AND global_position <= ${integer} ORDER BY global_position LIMIT ${integer}`
  const logPage = db.prepare<[bigint, bigint, number], EventRow>(logSql).safeIntegers(true)
  const logPageSkipping = db.prepare<[bigint, bigint, TypeFilter, number], EventRow>(skipping(logSql, 'type')).safeIntegers(true)
  // The predecessor is one probe of the (stream_id, stream_version) index per row.
  const storedSql = `SELECT ${columns.split(', ').map((c) => `e.${c}`).join(', ')}, p.hash AS previous_hash FROM ao_events e
       LEFT JOIN ao_events p ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
       WHERE e.global_position >= ${integer} AND e.global_position <= ${integer} ORDER BY e.global_position LIMIT ${integer}`
  const storedPage = db.prepare<[bigint, bigint, number], StoredRow>(storedSql).safeIntegers(true)
  const storedPageSkipping = db.prepare<[bigint, bigint, TypeFilter, number], StoredRow>(skipping(storedSql, 'e.type')).safeIntegers(true)
  const insert = writable
    ? db
        .prepare(
          'INSERT INTO ao_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .safeIntegers(true)
    : undefined
  const writeMark = writable ? db.prepare<[], [number, number]>('SELECT data_version, total_changes() FROM pragma_data_version').raw(true) : undefined
  return {
    byEventId: (eventId) => {
      const row = byEventId.get(eventId)
      return row === undefined ? undefined : storedEventOf(row)
    },
    streamHead: (streamId) => streamHead.get(streamId)?.v ?? null,
    streamTip: (streamId) => streamTip.get(streamId),
    logHead: () => logHead.get()?.p ?? 0n,
    writeMark: writeMark && (() => writeMark.get()!),
    insert:
      insert &&
      ((row) =>
        BigInt(
          insert.run(row.streamId, row.streamVersion, row.eventId, row.type, row.schemaVersion, row.data, row.metadata, row.recordedAt, row.hash ?? null).lastInsertRowid,
        )),
    streamPage: (streamId, from, to, limit) => streamPage.all(streamId, from, to, limit).map(storedEventOf),
    logPage: (from, to, limit, skipped) => (skipped === undefined ? logPage.all(from, to, limit) : logPageSkipping.all(from, to, skipped, limit)).map(storedEventOf),
    storedPage: (from, to, limit, skipped) =>
      (skipped === undefined ? storedPage.all(from, to, limit) : storedPageSkipping.all(from, to, skipped, limit)).map((row) => {
        const previousHash = row.stream_version === 0n ? genesisHash : row.previous_hash
        return { ...storedEventOf(row), ...(previousHash === null ? {} : { previousHash }) }
      }),
  }
}
