/**
 * @account-ownership/dsgvo/sqlite — the key store (Schlüsselablage) in a SQLite file through
 * better-sqlite3. The only entry point of this package that needs better-sqlite3: PostgreSQL
 * users import `/postgres` instead and need not install it.
 *
 * @module
 */
export { sqliteKeyStore, type SqliteKeyStoreOptions } from './keys/sqlite-key-store.js'
