/**
 * @account-ownership/store-sqlite — the embedded default event store of account ownership
 * (Kundenverantwortung): the whole log in one SQLite file (better-sqlite3), WAL, zero set-up.
 *
 * @module
 */
// First, before better-sqlite3 is touched: an unsupported Node fails here with a clear message.
export { requiredNodeMajor } from './supported-node.js'
export {
  openSqliteEventStore,
  type SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteEventStoreSettings,
} from './sqlite-event-store.js'
export type { SqliteBackup } from './sqlite-backup.js'
export type { GroupCommitOptions } from './sqlite-group-commit.js'
export type { SqliteConnectionOptions } from './sqlite-connection.js'
export { SqliteOpenError, isSqliteFailure, openErrorOfSqlite, sqliteCodeOf, storeErrorOfSqlite, type SqliteOpenErrorReason } from './sqlite-errors.js'
export { knownSchemaVersion } from './sqlite-schema.js'
export { defaultReadAhead, readAheadChannel, type ReadAheadNotice, type ReadAheadOptions } from './sqlite-read-ahead.js'
