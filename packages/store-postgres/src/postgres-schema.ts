/**
 * The tables of the event log in one PostgreSQL schema, and how a database gets them. Migration
 * runs on open, in one transaction under an advisory lock of the schema, so that several
 * processes starting at once apply each step exactly once; each step is recorded in
 * `ao_schema_version`, and a schema written by a newer release is refused before anything changes.
 *
 * Global order (Gesamtreihenfolge): `ao_log_head` holds the last global position. An append
 * moves it in the transaction that inserts its events, so the row lock on it hands out positions
 * in commit order, without gaps — a reader never sees position n + 1 before n.
 *
 * @module
 */
import { InvalidStoreInputError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { PostgresSchemaError } from './postgres-errors.js'

// Each step is SQL over the schema name `s` (an identifier checked on connect).
const migrations: ReadonlyArray<(s: string) => string> = [
  // 1: the log in core's row format (payload and metadata as the JSON text that was hashed), the
  // chain hash of each event, and the head of the log.
  (s) => `
    CREATE TABLE ${s}.ao_events (
      global_position bigint  PRIMARY KEY,
      stream_id       text    NOT NULL,
      stream_version  bigint  NOT NULL,
      event_id        text    NOT NULL,
      type            text    NOT NULL,
      schema_version  integer NOT NULL,
      data            text    NOT NULL,
      metadata        text    NOT NULL,
      recorded_at     text    NOT NULL,
      hash            text    NOT NULL,
      CONSTRAINT ao_events_stream_version UNIQUE (stream_id, stream_version),
      CONSTRAINT ao_events_event_id UNIQUE (event_id)
    );
    CREATE TABLE ${s}.ao_log_head (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      position bigint  NOT NULL
    );
    INSERT INTO ${s}.ao_log_head (only_row, position) VALUES (true, 0);`,
  // 2: an append on a stream tip the store believes it knows, in one call the server keeps the
  // plans of (postgres-statements.ts, `appendOnTip`): lock the stream; only where its last event
  // is still `tip_version` with `tip_hash`, move the head and insert the batch after it, announced
  // at commit; commit without waiting for the WAL flush, so the head row is free while the disk
  // syncs; then the durability barrier in a transaction of its own, which the call commits at the
  // session's synchronous_commit (postgres-durability.ts). `first_position` is null where the tip
  // moved: nothing was written. A procedure, not a function, because only a procedure commits.
  (s) => `
    CREATE PROCEDURE ${s}.ao_append_on_tip(
      batch_size bigint, stream text, recorded text, versions bigint[], event_ids text[], types text[], schema_versions integer[],
      payloads text[], metadatas text[], hashes text[], channel text, tip_version bigint, tip_hash text, lock_key text,
      INOUT first_position bigint DEFAULT NULL)
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true);
      PERFORM pg_advisory_xact_lock(hashtextextended(lock_key, 0));
      WITH head AS (
        UPDATE ${s}.ao_log_head SET position = position + batch_size
        WHERE EXISTS (SELECT 1 FROM (SELECT e.stream_version, e.hash FROM ${s}.ao_events e WHERE e.stream_id = stream ORDER BY e.stream_version DESC LIMIT 1) tip
          WHERE tip.stream_version = tip_version AND tip.hash = tip_hash)
        RETURNING position - batch_size AS base),
      notified AS (SELECT pg_notify(channel, (base + batch_size)::text) AS done FROM (SELECT base FROM head LIMIT 1) moved),
      inserted AS (
        INSERT INTO ${s}.ao_events (global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
        SELECT head.base + r.ord, stream, r.stream_version, r.event_id, r.type, r.schema_version, r.data, r.metadata, recorded, r.hash
        FROM head, notified, unnest(versions, event_ids, types, schema_versions, payloads, metadatas, hashes) WITH ORDINALITY
          AS r(stream_version, event_id, type, schema_version, data, metadata, hash, ord)
        RETURNING global_position)
      SELECT min(global_position) INTO first_position FROM inserted;
      COMMIT;
      IF pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn() THEN
        PERFORM pg_logical_emit_message(true, 'account-ownership', '');
      END IF;
    END $$;`,
]

/**
 * The schema version this release writes and reads.
 * @category schema
 * @since 0.2.0
 */
export const knownSchemaVersion = migrations.length

/**
 * Bring the schema to the known version, creating it where missing. Runs on one connection of
 * the pool; a failure rolls everything back.
 * @category schema
 * @since 0.2.0
 */
export const migrate = async (client: pg.ClientBase, schema: string): Promise<E.Either<PostgresSchemaError | InvalidStoreInputError, number>> => {
  // A word the server reserves (user, select, order…) passes the identifier check but cannot stand
  // unquoted where the statements place the schema: named as bad input, not as a syntax error.
  const { rows: quoted } = await client.query<{ q: string }>('SELECT quote_ident($1) AS q', [schema])
  if (quoted[0]?.q !== schema) return E.left(new InvalidStoreInputError('schema', 'is a word PostgreSQL reserves; choose another name'))
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`account-ownership/migrate/${schema}`])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.ao_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`)
    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${schema}.ao_schema_version`)
    const found = rows[0]?.version ?? 0
    if (found > knownSchemaVersion) {
      await client.query('ROLLBACK')
      return E.left(new PostgresSchemaError(schema, found, knownSchemaVersion))
    }
    for (let version = found + 1; version <= knownSchemaVersion; version++) {
      await client.query(migrations[version - 1]!(schema))
      await client.query(`INSERT INTO ${schema}.ao_schema_version (version) VALUES ($1)`, [version])
    }
    await client.query('COMMIT')
    return E.right(knownSchemaVersion)
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  }
}
