/**
 * The tables of the event log in one SQLite file, and how a file gets them. Each migration step
 * is applied once, inside `BEGIN IMMEDIATE`, and recorded in `ao_schema_version`; a file written by
 * a newer release is refused before anything in it changes.
 *
 * `global_position` is the rowid, and the log is append-only: triggers refuse every `UPDATE` and
 * `DELETE` of `ao_events`, on any connection. A new row's position is one more than the largest,
 * and since no row ever goes, no position is ever handed out twice. (Files created before 0.3.0
 * keep `AUTOINCREMENT`, which guards against reuse after a delete by writing its counter in
 * `sqlite_sequence` on every commit: one page more to write and sync per append, a fifth of an
 * append's pages. The triggers give the guarantee at no cost to an append.) Only one writer holds
 * the file at a time, so positions become visible to readers in order, without gaps.
 *
 * @module
 */
import { chainHash, genesisHash } from '@account-ownership/core'
import type Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { SqliteOpenError } from './sqlite-errors.js'

// Each step is SQL, or a function where the step needs more than SQL (computing hashes).
const migrations: ReadonlyArray<string | ((db: Database.Database) => void)> = [
  // 1: the log itself. One row per event in core's row format (payload and metadata as JSON).
  // Files created before 0.3.0 have `global_position INTEGER PRIMARY KEY AUTOINCREMENT` here.
  `CREATE TABLE ao_events (
     global_position INTEGER PRIMARY KEY,
     stream_id       TEXT    NOT NULL,
     stream_version  INTEGER NOT NULL,
     event_id        TEXT    NOT NULL,
     type            TEXT    NOT NULL,
     schema_version  INTEGER NOT NULL,
     data            TEXT    NOT NULL,
     metadata        TEXT    NOT NULL,
     recorded_at     TEXT    NOT NULL,
     CONSTRAINT ao_events_stream_version UNIQUE (stream_id, stream_version),
     CONSTRAINT ao_events_event_id UNIQUE (event_id)
   )`,
  // 2: the hash chain (core's chainHash): each event's link to the one before it in its stream.
  // Events written before this step are chained now, stream by stream in version order.
  (db) => {
    db.exec('ALTER TABLE ao_events ADD COLUMN hash TEXT')
    // Pages in (stream, version) order: a connection cannot update while a statement iterates,
    // and a large log must not be loaded at once.
    const page = db
      .prepare(
        `SELECT global_position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at FROM ao_events
         WHERE (stream_id, stream_version) > (?, ?) ORDER BY stream_id, stream_version LIMIT 1000`,
      )
      .safeIntegers(true)
    const update = db.prepare('UPDATE ao_events SET hash = ? WHERE global_position = ?').safeIntegers(true)
    type Row = { global_position: bigint; stream_id: string; stream_version: bigint; event_id: string; type: string; schema_version: bigint; data: string; metadata: string; recorded_at: string }
    let after: [string, bigint] = ['', -1n]
    let previous = genesisHash
    for (let rows = page.all(...after) as Row[]; rows.length > 0; rows = page.all(...after) as Row[]) {
      for (const row of rows) {
        if (row.stream_id !== after[0]) previous = genesisHash
        previous = chainHash(previous, { streamId: row.stream_id, streamVersion: row.stream_version, eventId: row.event_id, type: row.type, schemaVersion: Number(row.schema_version), data: row.data, metadata: row.metadata, recordedAt: row.recorded_at })
        update.run(previous, row.global_position)
        after = [row.stream_id, row.stream_version]
      }
    }
  },
  // 3: append-only by trigger (see the module comment). A file created before this step keeps
  // its AUTOINCREMENT: rebuilding the table would copy the whole log (16 s and twice the file for a
  // million events) to save one page per commit.
  `CREATE TRIGGER ao_events_no_update BEFORE UPDATE ON ao_events
     BEGIN SELECT RAISE(ABORT, 'the event log is append-only: a recorded event cannot be changed'); END;
   CREATE TRIGGER ao_events_no_delete BEFORE DELETE ON ao_events
     BEGIN SELECT RAISE(ABORT, 'the event log is append-only: a recorded event cannot be deleted'); END;`,
]

/**
 * The schema version this release writes and reads.
 * @category schema
 * @since 0.1.0
 */
export const knownSchemaVersion = migrations.length

/**
 * The schema version a file holds: 0 when it has no event store tables yet.
 * @category schema
 * @since 0.1.0
 */
export const schemaVersionOf = (db: Database.Database): number => {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ao_schema_version'`).get()
  if (table === undefined) return 0
  const row = db.prepare('SELECT max(version) AS version FROM ao_schema_version').get() as { version: number | null }
  return row.version ?? 0
}

/**
 * Refuse a file this release cannot use, reading only: a newer schema always; a database that
 * holds tables but no event log, unless `foreignTables` allows them (a connection the caller hands
 * in, to keep the log beside its own tables); and in read-only mode one without event store
 * tables or one that needs a migration. Answers the schema version found.
 * @category schema
 * @since 0.1.0
 */
export const checkSchema = (
  db: Database.Database,
  path: string | undefined,
  readonly: boolean,
  allow: { readonly foreignTables: boolean } = { foreignTables: false },
): E.Either<SqliteOpenError, number> => {
  const found = schemaVersionOf(db)
  if (found > knownSchemaVersion) {
    return E.left(new SqliteOpenError('newer-schema', path, `the file has schema version ${found}, this release knows up to ${knownSchemaVersion}; upgrade @account-ownership/store-sqlite`))
  }
  if (readonly && found === 0) return E.left(new SqliteOpenError('not-an-event-store', path, 'opened read-only, the database holds no event log'))
  if (found === 0 && !allow.foreignTables) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).get() as { n: number }
    if (tables.n > 0) {
      return E.left(new SqliteOpenError('not-an-event-store', path, 'the database holds tables of something else and no event log; the store adds its tables only to a new file or to a connection handed in as `database`'))
    }
  }
  if (readonly && found < knownSchemaVersion) {
    return E.left(new SqliteOpenError('older-schema', path, `the file has schema version ${found} and needs a migration to ${knownSchemaVersion}; a writer must migrate it first (open it once without readonly)`))
  }
  return E.right(found)
}

/**
 * Bring a writable file to the known schema version. Several processes may open a new file at
 * once: the version is read again under the write lock, so each step runs exactly once.
 * @category schema
 * @since 0.1.0
 */
export const migrate = (db: Database.Database, path: string | undefined): E.Either<SqliteOpenError, number> =>
  db.transaction((): E.Either<SqliteOpenError, number> => {
    db.exec('CREATE TABLE IF NOT EXISTS ao_schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
    const found = schemaVersionOf(db)
    if (found > knownSchemaVersion) {
      // Written by a newer release between our check and the lock; refuse it all the same.
      return E.left(new SqliteOpenError('newer-schema', path, `the file has schema version ${found}, this release knows up to ${knownSchemaVersion}`))
    }
    const record = db.prepare('INSERT INTO ao_schema_version (version, applied_at) VALUES (?, ?)')
    for (let version = found + 1; version <= knownSchemaVersion; version++) {
      const step = migrations[version - 1]!
      if (typeof step === 'string') db.exec(step)
      else step(db)
      record.run(version, new Date().toISOString())
    }
    return E.right(knownSchemaVersion)
  }).immediate()
