import { accountStream, type AccountId } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { postgresDatabase, server } from './postgres-database.js'
import { tcpRelay } from './tcp-relay.js'

const database = await postgresDatabase('unavailable')
const id = account('erreichbar')
const stream = accountStream(id as AccountId)
const event = (score: number) => newEvent({ type: 'AccountClassified', data: { accountId: id, tier: 'standard', score, criteria: ['c'], classifiedBy: 'dora' as never } })
const rejection = async (it: AsyncIterable<unknown>): Promise<unknown> => {
  try {
    for await (const _ of it) void _
  } catch (e) {
    return e
  }
  return undefined
}

describe('a server that cannot be reached', () => {
  it('refused (nothing listens on the port): opening answers a retryable StoreUnavailableError', async () => {
    const opened = await openPostgresEventStore({ connection: { ...server, port: 1, database: 'postgres' } })
    expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
  })

  it.each([
    ['schema', { connection: server, schema: 'Kunden; DROP TABLE x' }],
    ['schema', { connection: server, schema: 42 }],
    ['pool', { pool: { query: () => undefined } }],
    ['connection', { connection: null }],
    ['options', null],
  ])('bad options answer an InvalidStoreInputError naming %s, without echoing the value', async (field, options) => {
    const opened = await openPostgresEventStore(options as never)
    expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
    if (E.isLeft(opened)) expect(opened.left.message).not.toContain('DROP')
  })
})

describe.skipIf(database.skip !== undefined)(`a server that goes away${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  const through = (port: number, extra: object = {}) => ({ connection: { ...database.connection, port, ...extra }, schema: 'relay' })

  it('stopped: appends and reads answer a retryable StoreUnavailableError, and nothing is half-written', async () => {
    const relay = await tcpRelay(server)
    const opened = await openPostgresEventStore(through(relay.port))
    if (E.isLeft(opened)) throw opened.left
    const store = opened.right
    expect(E.isRight(await store.append(stream, [event(1)], { expectedVersion: 'no-stream' }))).toBe(true)
    await relay.stop()
    expect(await store.append(stream, [event(2)], { expectedVersion: 0n })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    expect(await store.headPosition()).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    expect(await rejection(store.readAll())).toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
    await store.close()
    // Nothing half-written: the log holds the one event appended while the server was there.
    const direct = await database.store({ schema: 'relay' })
    expect(await direct.headPosition()).toEqual(E.right(1n))
    await direct.close()
  })

  it('silent (connections open, no answer): a query gives up after query_timeout instead of hanging', async () => {
    const relay = await tcpRelay(server)
    const opened = await openPostgresEventStore(through(relay.port, { query_timeout: 300 }))
    if (E.isLeft(opened)) throw opened.left
    const store = opened.right
    relay.silence()
    expect(await store.append(stream, [event(3)], { expectedVersion: 'any' })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    expect(await store.streamVersion(stream)).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    await relay.stop()
    await store.close()
  })

  it('closed store: every call answers a StoreUnavailableError that is not retryable, and close() ends the pool', async () => {
    const store = await database.store({ schema: 'closing' })
    await store.close()
    expect(store.pool.ended).toBe(true)
    expect(await store.append(stream, [event(4)], { expectedVersion: 'any' })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false })))
    expect(await rejection(store.readStream(stream))).toMatchObject({ _tag: 'StoreUnavailableError', retryable: false })
    expect(await rejection(store.readStoredAll())).toMatchObject({ _tag: 'StoreUnavailableError', retryable: false })
    await store.close()
  })

  it('a pool handed in stays the caller’s: close() leaves it open', async () => {
    const pool = database.pool()
    const opened = await openPostgresEventStore({ pool, schema: 'handed_in' })
    if (E.isLeft(opened)) throw opened.left
    await opened.right.close()
    expect(pool.ended).toBe(false)
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })
})
