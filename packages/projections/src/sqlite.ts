/**
 * @account-ownership/projections/sqlite — read models (Lesemodelle) in a SQLite file through
 * better-sqlite3. The only entry point of this package that loads better-sqlite3: PostgreSQL
 * users import `/postgres` instead and need not install it.
 *
 * @module
 */
export { sqliteReadModels } from './dialect/sqlite/sqlite-read-models.js'
export { opaqueParameters } from './dialect/sqlite/sqlite-opaque-parameters.js'
