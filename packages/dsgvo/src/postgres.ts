/**
 * @account-ownership/dsgvo/postgres — the key store (Schlüsselablage) in PostgreSQL through pg.
 * The only entry point of this package that needs pg: SQLite users import `/sqlite` instead and
 * need neither pg nor @types/pg.
 *
 * @module
 */
export { postgresKeyStore, type PostgresKeyStoreOptions } from './keys/postgres-key-store.js'
