// Two tenants' read models in two schemas of one PostgreSQL database, seen through one pool as
// `db.withSchema('a')` and `db.withSchema('b')`, each tenant with a log of its own: every row goes
// to its own schema. The views share Kysely's dialect adapter; the SQL one compiled once for a
// batch must never be run for the other.
import { accountCommandHandler, inMemoryEventStore, plusMillis, type EventStore } from '@account-ownership/core'
import { cast, epoch, tenant, testPolicy } from '@account-ownership/core/testing'
import { currentOwner, projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import * as E from 'fp-ts/lib/Either.js'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'

const server = { host: '127.0.0.1', port: 5432, user: 'postgres' }
const database = `ao_schemas_${Math.random().toString(36).slice(2, 10)}`
const admin = new pg.Client({ ...server, database: 'postgres' })
let db: Kysely<any>

beforeAll(async () => {
  await admin.connect()
  await admin.query(`create database ${database}`)
  db = postgresReadModels<any>({ ...server, database, max: 2 })
  await sql`create schema a`.execute(db)
  await sql`create schema b`.execute(db)
})
afterAll(async () => {
  await db.destroy()
  await admin.query(`drop database if exists ${database} with (force)`)
  await admin.end()
})

// The same shape of log for both tenants (so their batches compile to statements of one shape): opened and assigned.
const logOf = async (accountIds: ReadonlyArray<string>): Promise<EventStore> => {
  const store = inMemoryEventStore()
  const handler = accountCommandHandler({ store, policy: testPolicy })
  let n = 0
  const step = async (command: unknown) => {
    const handled = await handler.handle(command as never, { commandId: `step-${++n}`, actor: cast.dora, tenantId: tenant, occurredAt: plusMillis(epoch, n * 1000) })
    if (E.isLeft(handled)) throw handled.left
  }
  for (const accountId of accountIds) {
    await step({ type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: `${accountId} GmbH`, tier: 'standard' } })
    await step({ type: 'AssignOwner', data: { accountId, ownerId: cast.hanna } })
  }
  return store
}

const accountsIn = async (schema: string, table: string) => (await sql.raw<{ account_id: string }>(`select account_id from ${schema}.${table} order by 1`).execute(db)).rows.map((r) => r.account_id)

it('keeps each schema’s rows in that schema, through every projection', async () => {
  const logs = { a: await logOf(['kunde-a1', 'kunde-a2']), b: await logOf(['kunde-b1', 'kunde-b2']) }
  for (const schema of ['a', 'b'] as const) {
    const ran = await projectionRuntime({ store: logs[schema], db: db.withSchema(schema), projections: readModelProjections }).runUntilCaughtUp()
    expect(E.isRight(ran)).toBe(true)
  }
  for (const schema of ['a', 'b'] as const) {
    const own = [`kunde-${schema}1`, `kunde-${schema}2`]
    expect(await accountsIn(schema, 'current_owners')).toEqual(own)
    expect(await accountsIn(schema, 'ownership_periods')).toEqual(own)
    expect(await currentOwner(db.withSchema(schema), own[0]!)).toEqual(E.right(expect.objectContaining({ accountId: own[0], ownerId: cast.hanna })))
  }
})
