// A server that closes an idle connection of the read models' own pool (a restart, a terminated
// backend) must not crash the process: the pool drops the connection and the next query works.
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' }
const db = postgresReadModels({ ...server, max: 1, application_name: 'ao-pool-test' })
afterAll(() => db.destroy())

it('survives the server closing an idle connection of its own pool', async () => {
  const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)
  const pid = before.rows[0]!.pid
  const admin = new pg.Client(server)
  await admin.connect()
  try {
    await admin.query('select pg_terminate_backend($1)', [pid])
  } finally {
    await admin.end()
  }
  // Give the pool the moment it needs to see its idle connection close.
  await new Promise((resolve) => setTimeout(resolve, 200))
  const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)
  expect(after.rows[0]!.pid).not.toBe(pid)
})
