import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openedAccount } from './live-read-model.js'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('repeat')

describe.skipIf(database.skip !== undefined)(`a repeated append${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('of events another store wrote is answered from the log, made durable on the connection it holds — also with a pool of one', async () => {
    const schema = 'repeat'
    const writer = await database.store({ schema })
    // One connection, and a bounded wait for it: a second query while the append holds it fails.
    const pool = new pg.Pool({ ...database.connection, max: 1, connectionTimeoutMillis: 1000 })
    const opened = await openPostgresEventStore({ pool, schema })
    if (E.isLeft(opened)) throw opened.left
    const single = opened.right
    const account = openedAccount('wieder')
    const first = await writer.append(account.stream, account.events, { expectedVersion: 'no-stream' })
    expect(E.isRight(first)).toBe(true)
    // `single` has not seen these positions: answering them runs the durability guard first.
    const started = Date.now()
    const repeated = await single.append(account.stream, account.events, { expectedVersion: 'no-stream' })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(repeated).toEqual(first)
    await single.close()
    await pool.end()
    await writer.close()
  })
})
