/**
 * A database of its own on the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust auth)
 * per test file, dropped afterwards. When the server cannot be reached, `skip` says why and the
 * tests show as skipped with that reason.
 *
 * @module
 */
import { openPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { afterAll } from 'vitest'

/** The server the tests use. */
export const server = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const

/** A fresh database named after `purpose`, dropped after the file. */
export const postgresDatabase = async (purpose: string) => {
  const name = `ao_store_${purpose}_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ ...server, database: 'postgres' })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
  } catch (e) {
    await admin.end().catch(() => undefined)
    const skipped = (): never => {
      throw new Error('PostgreSQL not reachable')
    }
    const skip = `PostgreSQL at 127.0.0.1:5432 not reachable: ${e instanceof Error ? e.message : String(e)}`
    return { skip, name, connection: { ...server, database: name }, pool: skipped, store: skipped }
  }
  const pools: pg.Pool[] = []
  afterAll(async () => {
    await Promise.all(pools.filter((p) => !p.ended).map((p) => p.end()))
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
  const connection = { ...server, database: name }
  return {
    skip: undefined as string | undefined,
    name,
    connection,
    /** A pool on the database, ended after the file. */
    pool: (max = 4) => {
      const pool = new pg.Pool({ ...connection, max })
      // The drop at the end ends sessions still closing; that is expected, not a failure.
      pool.on('error', () => undefined)
      pools.push(pool)
      return pool
    },
    /** The store on the database, in `schema`; throws where the test cannot go on. */
    store: async (options: Partial<PostgresEventStoreOptions> = {}): Promise<PostgresEventStore> => {
      const opened = await openPostgresEventStore({ connection, ...options } as PostgresEventStoreOptions)
      if (E.isLeft(opened)) throw opened.left
      return opened.right
    },
  }
}
