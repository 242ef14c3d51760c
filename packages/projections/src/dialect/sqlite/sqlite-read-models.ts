/**
 * Read models in SQLite (better-sqlite3) through Kysely's `SqliteDialect`. One writer: the
 * runtime's transactions are serialised by Kysely on the single connection; WAL lets readers
 * of the file query while a batch is written, and `synchronous = NORMAL` keeps a committed batch
 * after a process crash (only a power cut can lose the last one, and then its checkpoint too).
 * Prepared statements are reused per SQL text (see `sqlite-statement-cache.ts`) and planned once
 * (`sqlite-opaque-parameters.ts`). `secure_delete` zeroes what a delete or an overwrite frees, so
 * that an erased subject's copied values do not linger in free pages (see `runtime/erasure.ts`).
 *
 * @module
 */
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { ReadModels } from '../../database.js'
import { opaqueParameters } from './sqlite-opaque-parameters.js'
import { cachingStatements } from './sqlite-statement-cache.js'

/**
 * Open (or create) read models in a SQLite file, or on the caller's better-sqlite3 database.
 * @category dialects
 * @since 0.1.0
 * @example
 * const db = sqliteReadModels('read-models.db')
 */
export const sqliteReadModels = <DB = ReadModels>(database: string | Database.Database): Kysely<DB> => {
  const sqlite = typeof database === 'string' ? new Database(database) : database
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('secure_delete = ON')
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }), plugins: [opaqueParameters] })
}
