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
  new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool instanceof pg.Pool ? pool : ownPool(pool) }) })

// A pool emits 'error' when the server closes one of its idle connections (a restart, a
// terminated backend); without a listener Node would crash the process. The pool has already
// dropped that connection and the next query opens a new one, so there is nothing else to do.
// A pool the caller hands in is the caller's to watch.
const ownPool = (config: pg.PoolConfig): pg.Pool => {
  const pool = new pg.Pool(config)
  pool.on('error', () => undefined)
  return pool
}
