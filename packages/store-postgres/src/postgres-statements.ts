/**
 * The SQL the event store runs, and the mapping of its rows to core's one row format
 * (`StoredEvent`). Versions and positions travel as text both ways and become `bigint`, so they
 * never lose precision.
 *
 * @module
 */
import { genesisHash, type StoredEvent } from '@account-ownership/core'
import pg from 'pg'

/**
 * A row of `ao_events` as the selects return it (`int8` as text).
 * @category store
 * @since 0.2.0
 */
export interface EventRow {
  readonly global_position: string
  readonly stream_id: string
  readonly stream_version: string
  readonly event_id: string
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly metadata: string
  readonly recorded_at: string
  readonly hash: string
  readonly previous_hash?: string | null
}

/**
 * The largest position or version a bound can name (PostgreSQL's `bigint`).
 * @category store
 * @since 0.2.0
 */
export const maxBigint = 9223372036854775807n

/**
 * Core's row format of an `ao_events` row; `previousHash` where the query joined it.
 * @category store
 * @since 0.2.0
 */
export const storedEventOf = (row: EventRow): StoredEvent => {
  const streamVersion = BigInt(row.stream_version)
  const previousHash = streamVersion === 0n ? genesisHash : row.previous_hash
  // Built as one literal and completed, not spread: a replay makes a million of these.
  const stored: { -readonly [K in keyof StoredEvent]: StoredEvent[K] } = {
    globalPosition: BigInt(row.global_position),
    streamId: row.stream_id,
    streamVersion,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
  }
  if (previousHash !== undefined && previousHash !== null) stored.previousHash = previousHash
  return stored
}

// Positions and versions are read as text, whatever `int8` parser the pool was given (an
// application may parse them as numbers, which lose precision beyond 2^53, or as bigints).
const asText = new Set(['global_position', 'stream_version'])
const columns = (t: string) =>
  ['global_position', 'stream_id', 'stream_version', 'event_id', 'type', 'schema_version', 'data', 'metadata', 'recorded_at', 'hash'].map((c) => (asText.has(c) ? `${t}.${c}::text AS ${c}` : `${t}.${c}`)).join(', ')

// Move the head by the batch's size (the row lock that orders commits) and insert the batch at
// the positions after it, in one statement; the NOTIFY is sent when the transaction commits.
// (`LIMIT 1` tells the planner that the head is one row; without it, it guesses thousands, and a
// batch's plan costs enough for JIT.) The procedure `ao_append_on_tip` (postgres-schema.ts) runs
// the same statement where the stream's tip is still the one the store believes.
const insertOf = (s: string) => `
  WITH head AS (UPDATE ${s}.ao_log_head SET position = position + $1::bigint RETURNING position - $1::bigint AS base),
  notified AS (SELECT pg_notify($11, (base + $1::bigint)::text) AS done FROM (SELECT base FROM head LIMIT 1) moved)
  INSERT INTO ${s}.ao_events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
  SELECT head.base + r.ord, $2, r.stream_version, r.event_id, r.type, r.schema_version, r.data, r.metadata, $3, r.hash
  FROM head, notified,
    unnest($4::bigint[], $5::text[], $6::text[], $7::integer[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY
      AS r(stream_version, event_id, type, schema_version, data, metadata, hash, ord)
  RETURNING global_position::text AS global_position, stream_version::text AS stream_version`

// A transactional message writes WAL and takes a transaction id, so the commit of the statement
// that sends it waits for the flush; nothing decodes it (no logical slot needs to exist).
const barrierCall = `pg_logical_emit_message(true, 'account-ownership', '')`
// Only where WAL still waits to be flushed: when the flush already reaches past every record
// inserted so far — the append's commit among them — there is nothing to wait for (a stale tip's
// empty commit, or another writer's flush that covered this one).
const barrier = `SELECT CASE WHEN pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn() THEN ${barrierCall} END`

// For the append's transaction only: its commit does not wait for the flush (the barrier does),
// and no statement of it is worth compiling.
const transactionSettings = `SELECT set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)`

// An argument as a literal of the simple protocol: text escaped, an array as ARRAY[…].
const literalOf = (value: unknown): string => (Array.isArray(value) ? `ARRAY[${value.map(literalOf).join(', ')}]` : pg.escapeLiteral(String(value)))

/**
 * A statement the server parses and plans once per connection and then only runs: a query run
 * often with arguments (`pool.query({ ...statement, values })`), named per schema so that stores
 * of several schemas can share a pool.
 * @category store
 * @since 0.3.0
 */
export interface PreparedStatement {
  readonly name: string
  readonly text: string
}

/**
 * The statements of one schema.
 * @category store
 * @since 0.2.0
 */
export const statementsOf = (s: string) => {
  // A name of at most 63 bytes (the server's limit): the kind in at most ten letters, the schema in at most 48.
  const prepared = (kind: string, text: string): PreparedStatement => ({ name: `ao_${kind}_${s}`, text })
  return {
    /** Serialises the appends to one stream until commit; other streams go on. */
    lockStream: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
    /**
     * An append's opening in one round trip, as one simple query of three statements: begin, lock
     * the stream (`lockKey`), read the version and hash of its last event (`streamId`) — a statement after the lock, so its
     * snapshot sees every append that held the lock before. The two texts go in as literals (the
     * simple protocol takes no parameters), escaped.
     */
    openAppend: (lockKey: string, streamId: string) =>
      `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${pg.escapeLiteral(lockKey)}, 0)); ` +
      // Ordered by the column, not by its text (an output name would win over it in ORDER BY).
      `SELECT e.stream_version::text AS stream_version, e.hash FROM ${s}.ao_events e WHERE e.stream_id = ${pg.escapeLiteral(streamId)} ORDER BY e.stream_version DESC LIMIT 1`,
    /** The rows of the given event ids. */
    byEventIds: prepared('by_ids', `SELECT ${columns('e')} FROM ${s}.ao_events e WHERE e.event_id = ANY($1::text[]) ORDER BY e.global_position`),
    /**
     * The insert with its arguments as escaped literals (batch size, stream, recorded at; per
     * event version, id, type, schema version, data, metadata, hash; the commit channel), its
     * `COMMIT` and the durability barrier, as
     * one simple query of four statements: the head row is held from the insert to the commit
     * inside the server, never across a round trip to the client; the commit does not wait for the
     * WAL flush (`synchronous_commit = off` for this transaction only, set as `set_config(…, true)`), so the next append takes
     * the head at once; and the barrier after it, in a transaction of its own at the session's
     * `synchronous_commit`, writes WAL and so waits for a flush that covers the append's commit —
     * shared with every other writer flushing then. See postgres-durability.ts for why this is safe.
     */
    insertAndCommit: (args: ReadonlyArray<unknown>) =>
      `${transactionSettings}; ${insertOf(s).replace(/\$(\d+)/g, (_, n: string) => literalOf(args[Number(n) - 1]))}; COMMIT; ${barrier}`,
    /**
     * A whole append in one round trip, for a stream whose tip this store believes it knows: the
     * procedure `ao_append_on_tip` (postgres-schema.ts, step 2) with the arguments of
     * `insertAndCommit`, then the tip's version and hash and the stream's lock key. As the long
     * way, in the server: begin, lock the stream, insert only where the tip is still the one
     * believed — a statement after the lock, so it sees every append that held the lock before —
     * commit without waiting for the flush, then the barrier in a transaction of its own. Answers
     * the batch's first position, or null where the tip moved and nothing was written. A named
     * statement: parsed once per connection, and the procedure's plans are kept by the session.
     */
    appendOnTip: prepared('on_tip', `CALL ${s}.ao_append_on_tip($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`),
    /**
     * The head of the log, made durable: where WAL waits to be flushed, the barrier's message is
     * written in the same statement, so its commit waits for a flush covering every commit visible
     * to it; where nothing waits, nothing is written.
     */
    durableHead: prepared(
      'durable',
      `SELECT position::text AS p,
      CASE WHEN pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn() THEN ${barrierCall} END AS flushed
      FROM ${s}.ao_log_head`,
    ),
    /** At most `$4` events of stream `$1` from version `$2` to `$3`. */
    streamPage: prepared(
      'stream',
      `SELECT ${columns('e')} FROM ${s}.ao_events e
      WHERE e.stream_id = $1 AND e.stream_version >= $2::bigint AND e.stream_version <= $3::bigint ORDER BY e.stream_version LIMIT $4`,
    ),
    /**
     * At most `$4` events from position `$1` to `$2`, none of the types `$3` (every type where `$3`
     * is null): the filter runs in the server, so the rows it leaves out never cross the wire.
     */
    logPage: prepared(
      'log',
      `SELECT ${columns('e')} FROM ${s}.ao_events e
      WHERE e.global_position >= $1::bigint AND e.global_position <= $2::bigint AND ($3::text[] IS NULL OR e.type <> ALL($3::text[]))
      ORDER BY e.global_position LIMIT $4`,
    ),
    /** As `logPage`, each row with the hash of its predecessor in its stream. */
    storedPage: prepared(
      'stored',
      `SELECT ${columns('e')}, p.hash AS previous_hash FROM ${s}.ao_events e
      LEFT JOIN ${s}.ao_events p ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
      WHERE e.global_position >= $1::bigint AND e.global_position <= $2::bigint AND ($3::text[] IS NULL OR e.type <> ALL($3::text[]))
      ORDER BY e.global_position LIMIT $4`,
    ),
    /** The head of the log, locked until commit: no append commits while an import holds it. */
    lockHead: `SELECT position::text AS p FROM ${s}.ao_log_head FOR UPDATE`,
    /** The last version and hash of each of the given streams. */
    streamTips: `SELECT DISTINCT ON (stream_id) stream_id, stream_version::text AS version, hash FROM ${s}.ao_events
      WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version DESC`,
    /** Insert rows as they were stored elsewhere, positions included, and move the head to the last. */
    importRows: `
      WITH rows AS (
        INSERT INTO ${s}.ao_events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[])
        RETURNING global_position
      ),
      head AS (UPDATE ${s}.ao_log_head SET position = (SELECT max(global_position) FROM rows) RETURNING position)
      SELECT pg_notify($11, position::text), position::text AS p FROM head`,
    /** The last version of stream `$1` and the highest position among its events. */
    streamHead: prepared('head', `SELECT max(stream_version)::text AS v, max(global_position)::text AS p FROM ${s}.ao_events WHERE stream_id = $1`),
  }
}

/**
 * The statements of one schema, as `statementsOf` builds them.
 * @category store
 * @since 0.2.0
 */
export type PostgresStatements = ReturnType<typeof statementsOf>

/**
 * The channel on which a schema's appends announce their last position at commit.
 * @category store
 * @since 0.2.0
 */
export const commitChannelOf = (schema: string): string => `ao_commits_${schema}`
