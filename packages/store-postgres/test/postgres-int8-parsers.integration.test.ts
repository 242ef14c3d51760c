// A pool the application hands in may parse PostgreSQL's int8 itself — as numbers, as bigints —
// for its own queries. The store reads positions and versions as text whatever the pool does:
// an append answers the positions the log holds, on the long way and on a known tip alike.
import { accountStream, type RecordedEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('int8')

const parsers = {
  'numbers (parseInt)': (v: string) => Number.parseInt(v, 10),
  bigints: (v: string) => BigInt(v),
} as const

describe.skipIf(database.skip !== undefined)(`a pool that parses int8 itself${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it.each(Object.entries(parsers))('answers appends with the positions the log holds, where the pool parses int8 as %s', async (name, parse) => {
    const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? parse : pg.types.getTypeParser(oid, format)) }
    const pool = new pg.Pool({ ...database.connection, max: 2, types } as pg.PoolConfig)
    try {
      const opened = await openPostgresEventStore({ pool, schema: `int8_${name.startsWith('n') ? 'numbers' : 'bigints'}` })
      if (E.isLeft(opened)) throw opened.left
      const store = opened.right
      const stream = accountStream(account('kunde-1'))
      const answered: RecordedEvent[] = []
      // The first append takes the long way (no tip known yet), the second one round trip on the tip it learned.
      const first = await store.append(stream, openedAccountEvents(account('kunde-1')).map((e, i) => newEvent(e, { eventId: `e-${i}` })), { expectedVersion: 'no-stream' })
      if (E.isLeft(first)) throw first.left
      answered.push(...first.right.events)
      const second = await store.append(stream, [newEvent({ type: 'AccountClassified', data: { accountId: account('kunde-1'), tier: 'standard', score: 1, criteria: ['umsatz'], classifiedBy: 'dora' as never } }, { eventId: 'e-x' })], { expectedVersion: first.right.nextExpectedVersion })
      if (E.isLeft(second)) throw second.left
      answered.push(...second.right.events)
      const read: RecordedEvent[] = []
      for await (const event of store.readAll()) read.push(event)
      expect(answered.map((e) => [e.metadata.globalPosition, e.metadata.streamVersion])).toEqual(read.map((e) => [e.metadata.globalPosition, e.metadata.streamVersion]))
      expect(read.every((e) => typeof e.metadata.globalPosition === 'bigint' && typeof e.metadata.streamVersion === 'bigint')).toBe(true)
      expect(second.right.lastGlobalPosition).toBe(read[read.length - 1]!.metadata.globalPosition)
      await store.close()
    } finally {
      await pool.end()
    }
  })

  it('checks the long way against the stream’s last version, not the one whose text sorts last (9 after 10)', async () => {
    const writer = await database.store({ schema: 'int8_order' })
    const stream = accountStream(account('kunde-2'))
    const classified = (i: number) => newEvent({ type: 'AccountClassified', data: { accountId: account('kunde-2'), tier: 'standard', score: i, criteria: ['umsatz'], classifiedBy: 'dora' as never } }, { eventId: `v-${i}` })
    const opening = openedAccountEvents(account('kunde-2')).map((e, i) => newEvent(e, { eventId: `o-${i}` }))
    const first = await writer.append(stream, [...opening, ...Array.from({ length: 11 - opening.length }, (_, i) => classified(i))], { expectedVersion: 'no-stream' })
    expect(E.isRight(first) && first.right.nextExpectedVersion).toBe(10n)
    // Another store knows no tip of the stream: its append takes the long way.
    const other = await database.store({ schema: 'int8_order' })
    const appended = await other.append(stream, [classified(99)], { expectedVersion: 10n })
    expect(E.isRight(appended) && appended.right.nextExpectedVersion).toBe(11n)
    await writer.close()
    await other.close()
  })
})
