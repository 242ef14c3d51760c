/**
 * The connections to the database that holds the log: a `pg.Pool` the caller hands in (and ends),
 * or one the store opens from connection settings (and ends on `close()`), and the schema the
 * log's tables live in. A pool the store opens gives up on a connect after
 * `connectionTimeoutMillis` (5 s by default) and on a query after `query_timeout` (30 s by
 * default), so an unreachable or silent server is an error, not a hang.
 *
 * @module
 */
import { InvalidStoreInputError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'

/**
 * Where the log lives: a pool the caller owns, or the settings of one the store opens; and the
 * schema of its tables (`account_ownership` by default).
 * @category store
 * @since 0.2.0
 * @example
 * openPostgresEventStore({ connection: { host: '127.0.0.1', database: 'crm' }, schema: 'kunden' })
 * openPostgresEventStore({ pool }) // the application's own pool; the application ends it
 */
export type PostgresConnectionOptions = {
  /** The schema of the log's tables, a lower-case SQL identifier; created where missing. */
  readonly schema?: string
} & ({ readonly pool: pg.Pool } | { readonly connection: pg.PoolConfig })

/**
 * An open pool, the schema and whether the store ends the pool.
 * @category store
 * @since 0.2.0
 */
export interface PostgresConnection {
  readonly pool: pg.Pool
  /** Whether the store opened the pool, and so ends it. */
  readonly owned: boolean
  /** The schema, checked to be a plain identifier (safe to place in SQL as is). */
  readonly schema: string
}

/**
 * The schema the log lives in when the options name none.
 * @category store
 * @since 0.2.0
 */
export const defaultSchema = 'account_ownership'

const identifier = /^[a-z_][a-z0-9_]{0,47}$/

/**
 * Check the options and open the pool they name; nothing connects yet.
 * @category store
 * @since 0.2.0
 */
export const connect = (options: PostgresConnectionOptions): E.Either<InvalidStoreInputError, PostgresConnection> => {
  if (typeof options !== 'object' || options === null) return E.left(new InvalidStoreInputError('options', 'expected { pool } or { connection }'))
  const schema: unknown = options.schema ?? defaultSchema
  if (typeof schema !== 'string' || !identifier.test(schema)) {
    return E.left(new InvalidStoreInputError('schema', 'expected a lower-case SQL identifier of at most 48 characters (a-z, 0-9, _)'))
  }
  if ('pool' in options) {
    return options.pool instanceof pg.Pool
      ? E.right({ pool: options.pool, owned: false, schema })
      : E.left(new InvalidStoreInputError('pool', 'expected a pg.Pool'))
  }
  if (!('connection' in options) || typeof options.connection !== 'object' || options.connection === null) {
    return E.left(new InvalidStoreInputError('connection', 'expected pg connection settings (host, port, database, user, …)'))
  }
  const pool = new pg.Pool({ connectionTimeoutMillis: 5000, query_timeout: 30_000, ...options.connection })
  // A connection the server closes while idle (restart, terminated backend) is dropped by the
  // pool and reported here; the next query opens a new one, so it must not crash the process.
  pool.on('error', () => undefined)
  return E.right({ pool, owned: true, schema })
}
