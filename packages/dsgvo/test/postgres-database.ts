/**
 * A database of its own on the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust auth)
 * per test file, dropped afterwards. When the server cannot be reached, `skip` says why and the
 * tests show as skipped with that reason.
 *
 * @module
 */
import pg from 'pg'
import { afterAll } from 'vitest'

const connection = { host: '127.0.0.1', port: 5432, user: 'postgres' }

/** A fresh database named after `purpose`; `pool()` gives a pool on it, ended after the file. */
export const postgresDatabase = async (purpose: string) => {
  const name = `ao_dsgvo_${purpose}_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ ...connection, database: 'postgres' })
  try {
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
  } catch (e) {
    await admin.end().catch(() => undefined)
    return { skip: `PostgreSQL at 127.0.0.1:5432 not reachable: ${e instanceof Error ? e.message : String(e)}`, pool: () => { throw new Error('skipped') } } as const
  }
  const pools: pg.Pool[] = []
  afterAll(async () => {
    await Promise.all(pools.filter((p) => !p.ended).map((p) => p.end()))
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
  return {
    skip: undefined,
    name,
    pool: () => {
      const pool = new pg.Pool({ ...connection, database: name, max: 4 })
      // The drop at the end ends sessions still closing; that is expected, not a failure.
      pool.on('error', () => undefined)
      pools.push(pool)
      return pool
    },
  } as const
}
