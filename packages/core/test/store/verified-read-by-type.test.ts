// A verified read by type sees a stream with holes — the events of the types it left out — and
// must pass them, while a verified read of everything must still refuse a hole, and neither may
// take a stream backwards.
import { accountStream, currentSchema, inMemoryEventStore, verifiedEvents, type StoredEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const storedRows = async (): Promise<StoredEvent[]> => {
  const store = inMemoryEventStore()
  const appended = await store.append(accountStream(account('kunde-1')), openedAccountEvents(account('kunde-1')).map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
  if (E.isLeft(appended)) throw appended.left
  const rows: StoredEvent[] = []
  for await (const row of store.readStoredAll()) rows.push(row)
  return rows
}

const verify = async (rows: ReadonlyArray<StoredEvent>, byType: boolean) => {
  async function* source() {
    yield* rows
  }
  const versions: bigint[] = []
  try {
    for await (const event of verifiedEvents(source(), currentSchema, byType)) versions.push(event.metadata.streamVersion)
  } catch (error) {
    return { versions, error }
  }
  return { versions, error: undefined }
}

describe('verifiedEvents of a read by type', () => {
  it('passes a stream whose versions skip the events left out, each row still checked on its own', async () => {
    const [v0, , v2, v3] = await storedRows()
    expect(await verify([v0!, v2!, v3!], true)).toEqual({ versions: [0n, 2n, 3n], error: undefined })
  })

  it('refuses the same hole in a read of every type', async () => {
    const [v0, , v2] = await storedRows()
    expect(await verify([v0!, v2!], false)).toMatchObject({ versions: [0n], error: { _tag: 'CorruptEventError', streamVersion: 2n } })
  })

  it('refuses a stream that goes backwards, by type or not', async () => {
    const [v0, v1, v2] = await storedRows()
    for (const byType of [true, false]) {
      expect(await verify([v0!, v2!, v1!], byType)).toMatchObject({ error: { _tag: 'CorruptEventError', streamVersion: byType ? 1n : 2n } })
    }
  })

  it('refuses a row whose bytes changed, by type', async () => {
    const [v0, , v2] = await storedRows()
    expect(await verify([v0!, { ...v2!, data: v2!.data.replace('customer-success', 'janitor') }], true)).toMatchObject({ versions: [0n], error: { _tag: 'CorruptEventError', streamVersion: 2n } })
  })

  it.each<[string, Partial<Record<keyof StoredEvent, unknown>>, RegExp]>([
    ['data read back as null', { data: null }, /^data: expected text, got null$/],
    ['metadata read back as a number', { metadata: 7 }, /^metadata: expected text, got /],
    ['a stream id read back as bytes', { streamId: Buffer.from('kunde-1') }, /^streamId: expected text, got /],
    ['a hash read back as a number', { hash: 42 }, /no chain hash/],
  ])('refuses a row with %s as a CorruptEventError, not a TypeError of the hash', async (_, damage, reason) => {
    const [v0, v1] = await storedRows()
    const damaged = { ...v1!, ...damage } as unknown as StoredEvent
    expect(await verify([v0!, damaged], false)).toMatchObject({ versions: [0n], error: { _tag: 'CorruptEventError', streamVersion: 1n, reason: expect.stringMatching(reason) } })
  })
})
