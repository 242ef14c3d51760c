import type { RecordedEvent } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openedAccount } from './live-read-model.js'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('tips')

// A pool that counts the queries its clients send: one per round trip.
const countingPool = (pool: pg.Pool) => {
  let sent = 0
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown
    ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => (sent++, query(...args))
  })
  return { sent: () => sent }
}

const classified = (id: string, n: number) =>
  newEvent({ type: 'AccountClassified', data: { accountId: account(id), tier: 'standard', score: n, criteria: [`n${n}`], classifiedBy: 'dora' as never } })

const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

describe.skipIf(database.skip !== undefined)(`appends on a known stream tip${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('take one round trip where the store wrote or read the tip last, and the long way where another store moved it — the chain stays whole', async () => {
    const schema = 'tips'
    const pool = database.pool(1)
    const counted = countingPool(pool)
    const openedA = await openPostgresEventStore({ pool, schema })
    if (E.isLeft(openedA)) throw openedA.left
    const a = openedA.right
    const b = await database.store({ schema })
    const x = openedAccount('spitze')

    expect(E.isRight(await a.append(x.stream, x.events, { expectedVersion: 'no-stream' }))).toBe(true) // a knows version 3
    let before = counted.sent()
    expect(await a.append(x.stream, [classified('spitze', 4)], { expectedVersion: 3n })).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 4n })))
    expect(counted.sent() - before).toBe(1)

    // b moves the tip; a's belief (version 4) is stale: its tip query writes nothing, then the long way.
    expect(E.isRight(await b.append(x.stream, [classified('spitze', 5)], { expectedVersion: 4n }))).toBe(true)
    before = counted.sent()
    expect(await a.append(x.stream, [classified('spitze', 6)], { expectedVersion: 'any' })).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 6n })))
    expect(counted.sent() - before).toBe(3)

    // A stale expected version that a's belief satisfies is still refused with the server's version.
    expect(E.isRight(await b.append(x.stream, [classified('spitze', 7)], { expectedVersion: 6n }))).toBe(true)
    expect(await a.append(x.stream, [classified('spitze', 8)], { expectedVersion: 6n })).toEqual(
      E.left(expect.objectContaining({ _tag: 'ConcurrencyError', expected: 6n, actual: 7n })),
    )

    // A read to the stream's end teaches the tip.
    const read = await collect(a.readStream(x.stream))
    expect(read.map((e: RecordedEvent) => e.metadata.streamVersion)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n])
    before = counted.sent()
    expect(await a.append(x.stream, [classified('spitze', 8)], { expectedVersion: 7n })).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 8n })))
    expect(counted.sent() - before).toBe(1)

    // Every link of the chain holds, and positions are dense.
    const log = await collect(b.readAll({ verifyHashes: true }))
    expect(log.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n])
    expect(log.map((e) => e.metadata.globalPosition)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n])
    await a.close()
    await b.close()
  })

  it.each([1, 2, 3, 4, 5])('learn the tip from a read to the stream’s end in pages of %i (four events: some reads end on an empty page)', async (batchSize) => {
    const schema = `tips_pages_${batchSize}`
    const b = await database.store({ schema })
    const x = openedAccount('spitze')
    expect(E.isRight(await b.append(x.stream, x.events, { expectedVersion: 'no-stream' }))).toBe(true)
    const pool = database.pool(1)
    const counted = countingPool(pool)
    const opened = await openPostgresEventStore({ pool, schema })
    if (E.isLeft(opened)) throw opened.left
    const a = opened.right
    expect(await collect(a.readStream(x.stream, { batchSize }))).toHaveLength(4)
    const before = counted.sent()
    expect(E.isRight(await a.append(x.stream, [classified('spitze', 4)], { expectedVersion: 3n }))).toBe(true)
    expect(counted.sent() - before).toBe(1)
    await a.close()
    await b.close()
  })

  it('answer a batch on a known tip with the positions and versions the log holds, each event its own', async () => {
    const store = await database.store({ schema: 'tips_batch' })
    const other = await database.store({ schema: 'tips_batch' })
    const x = openedAccount('stapel')
    const y = openedAccount('daneben')
    expect(E.isRight(await store.append(x.stream, x.events, { expectedVersion: 'no-stream' }))).toBe(true) // the store knows version 3
    expect(E.isRight(await other.append(y.stream, y.events, { expectedVersion: 'no-stream' }))).toBe(true) // positions 5 to 8
    const appended = await store.append(x.stream, [5, 6, 7].map((n) => classified('stapel', n)), { expectedVersion: 3n })
    if (E.isLeft(appended)) throw appended.left
    const answered = appended.right.events.map((e) => [e.metadata.eventId, e.metadata.streamVersion, e.metadata.globalPosition])
    expect(answered.map(([, version, position]) => [version, position])).toEqual([
      [4n, 9n],
      [5n, 10n],
      [6n, 11n],
    ])
    const logged = (await collect(other.readAll({ fromPosition: 9n }))).map((e) => [e.metadata.eventId, e.metadata.streamVersion, e.metadata.globalPosition])
    expect(answered).toEqual(logged)
    expect(appended.right.lastGlobalPosition).toBe(11n)
    await store.close()
    await other.close()
  })
})
