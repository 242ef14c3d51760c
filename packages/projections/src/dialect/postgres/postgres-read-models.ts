/**
 * Read models in PostgreSQL (pg) through Kysely's `PostgresDialect`. Each batch is one
 * transaction at READ COMMITTED on one pooled connection; the checkpoint update is conditional
 * on the position it started from, so two runtimes on one database never apply a batch twice.
 * `int8` columns come back as strings and are read with `BigInt`.
 *
 * @module
 */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { ReadModels } from '../../database.js'

/**
 * Read models on the caller's `pg.Pool`, or on a new pool from its config.
 * @category dialects
 * @since 0.1.0
 * @example
 * const db = postgresReadModels({ connectionString: 'postgres://postgres@127.0.0.1/crm' })
 */
export const postgresReadModels = <DB = ReadModels>(pool: pg.Pool | pg.PoolConfig): Kysely<DB> =>
  new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool instanceof pg.Pool ? pool : new pg.Pool(pool) }) })
