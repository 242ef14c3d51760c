/**
 * @account-ownership/projections/postgres — read models (Lesemodelle) in PostgreSQL through pg.
 * The only entry point of this package that loads pg: SQLite users import `/sqlite` instead and
 * need neither pg nor @types/pg.
 *
 * @module
 */
export { postgresReadModels } from './dialect/postgres/postgres-read-models.js'
