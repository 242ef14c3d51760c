// A row changed under the PostgreSQL store's feet so that it no longer decodes: every read —
// event by event, a page at a time (the store's own pages), checked against the chain — stops at
// it with a CorruptEventError naming it, after handing out what came before, and never skips it.
import { readAllPages, type RecordedEvent } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { openedAccount } from './live-read-model.js'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('corrupt')
let schemas = 0

const settle = async <A>(read: AsyncIterable<A>): Promise<{ items: A[]; error?: unknown }> => {
  const items: A[] = []
  try {
    for await (const item of read) items.push(item)
  } catch (error) {
    return { items, error }
  }
  return { items }
}

// Two accounts of four events each (positions 1–8); `change` rewrites the third event of the first (position 3).
const tampered = async (change: string) => {
  const schema = `corrupt_${++schemas}`
  const store = await database.store({ schema })
  for (const id of ['kunde-1', 'kunde-2']) {
    const { stream, events } = openedAccount(id)
    const appended = await store.append(stream, events, { expectedVersion: 'no-stream' })
    if (E.isLeft(appended)) throw appended.left
  }
  await database.pool(1).query(`UPDATE ${schema}.ao_events SET ${change} WHERE global_position = 3`)
  return store
}

const positions = (events: ReadonlyArray<RecordedEvent>) => events.map((e) => e.metadata.globalPosition)

describe.skipIf(database.skip !== undefined)(`a stored row that no longer decodes, on PostgreSQL${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it.each([
    ['data that is not JSON', `data = '{"accountId": "kunde-1",'`, /data is not JSON/],
    ['an unknown event type', `type = 'AccountExploded'`, /^type: expected one of/],
    ['metadata of another event', `event_id = 'somebody-else'`, /eventId/],
  ])('with %s stops every read at it with a CorruptEventError', async (_, change, reason) => {
    const store = await tampered(change)
    const corrupt = { _tag: 'CorruptEventError', streamVersion: 2n, globalPosition: 3n, reason: expect.stringMatching(reason) }
    const { stream } = openedAccount('kunde-1')
    for (const read of [store.readStream(stream), store.readAll(), store.readAll({ batchSize: 1 })]) {
      const { items, error } = await settle(read)
      expect(positions(items)).toEqual([1n, 2n])
      expect(error).toMatchObject(corrupt)
    }
    // A page at a time the page that holds it fails whole; the pages before it are handed out.
    for (const [batchSize, before] of [[1, [1n, 2n]], [2, [1n, 2n]], [500, []]] as const) {
      const { items, error } = await settle(readAllPages(store, { batchSize }))
      expect(items.every((page) => page.length > 0 && page.length <= batchSize)).toBe(true)
      expect(positions(items.flat())).toEqual(before)
      expect(error).toMatchObject(corrupt)
    }
    await store.close()
  })

  it('a read of the pages that leaves the corrupt row’s type out reads past it; one checked against the chain stops at it', async () => {
    const store = await tampered(`data = 'x'`)
    const leavingOut = { types: ['AccountOpened', 'OwnershipAssigned', 'AccessGranted'] } as const
    const pages = await settle(readAllPages(store, { ...leavingOut, batchSize: 2 }))
    expect(pages.error).toBeUndefined()
    expect(pages.items.flat().some((e) => e.metadata.globalPosition === 3n)).toBe(false)
    expect(pages.items.flat().length).toBeGreaterThan(0)
    // The chain check reads every row of the window, the left-out ones too: the changed row breaks it.
    const verified = await settle(readAllPages(store, { batchSize: 2, verifyHashes: true }))
    expect(positions(verified.items.flat())).toEqual([1n, 2n])
    expect(verified.error).toMatchObject({ globalPosition: 3n })
    await store.close()
  })
})
