import { accountStream, ConcurrencyError, DuplicateEventError, type AccountId, type AppendResult, type AppendError, type NewEvent, type StreamId } from '@account-ownership/core'
import { steppingClock } from '@account-ownership/core/testing'
import { openSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it, vi } from 'vitest'
import { classifiedEvent } from './processes/classified-event.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('group-commit')
const kunde = accountStream('kunde-1' as AccountId)
const event = (eventId: string): NewEvent => classifiedEvent('kunde-1' as AccountId, 1, 'umsatz', eventId)

// A store on a connection of our own whose write transactions (`BEGIN IMMEDIATE`) are counted:
// how many times the store took the file's write lock, which is how many commits, and syncs, it paid.
const countedStore = (settings: Omit<SqliteEventStoreOptions, 'path' | 'database'> = {}) => {
  const db = new Database(scratch.file())
  const transaction = db.transaction.bind(db)
  let begins = 0
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = transaction(fn)
    const immediate = (...args: never[]) => {
      begins++
      return tx.immediate(...args)
    }
    return Object.assign((...args: never[]) => tx(...args), { default: tx.default, deferred: tx.deferred, immediate, exclusive: tx.exclusive })
  }) as typeof db.transaction
  const opened = openSqliteEventStore({ database: db, clock: steppingClock(), ...settings })
  if (E.isLeft(opened)) throw opened.left
  // Creating the tables took the lock too; only appends count.
  const atOpen = begins
  return { store: opened.right, begins: () => begins - atOpen, db }
}

const eventIds = async (store: SqliteEventStore, streamId: StreamId = kunde) => {
  const ids: string[] = []
  for await (const e of store.readStream(streamId)) ids.push(e.metadata.eventId)
  return ids
}

const recorded = (result: E.Either<AppendError, AppendResult>) => {
  if (E.isLeft(result)) throw result.left
  return result.right
}

describe('group commit: appends that arrive together', () => {
  it('are written in one transaction; awaited one by one, or with groupCommit: false, in one each', async () => {
    const together = countedStore()
    await Promise.all(['a', 'b', 'c'].map((id) => together.store.append(kunde, [event(id)], { expectedVersion: 'any' })))
    expect(together.begins()).toBe(1)
    expect(await eventIds(together.store)).toEqual(['a', 'b', 'c'])

    const awaited = countedStore()
    for (const id of ['a', 'b', 'c']) recorded(await awaited.store.append(kunde, [event(id)], { expectedVersion: 'any' }))
    expect(awaited.begins()).toBe(3)

    const alone = countedStore({ groupCommit: false })
    await Promise.all(['a', 'b', 'c'].map((id) => alone.store.append(kunde, [event(id)], { expectedVersion: 'any' })))
    expect(alone.begins()).toBe(3)
    for (const s of [together, awaited, alone]) await s.store.close()
  })

  it('of a writer alone for a while no longer wait a turn of the event loop for company, but a burst is still one group', async () => {
    const { store, begins } = countedStore()
    const turns = vi.spyOn(globalThis, 'setImmediate')
    try {
      for (let i = 0; i < 64; i++) recorded(await store.append(kunde, [event(`alone-${i}`)], { expectedVersion: 'any' }))
      // The first 16 wait a turn each; after that only every 16th does.
      expect(turns.mock.calls.length).toBeLessThan(16 + 64 / 16 + 1)
      expect(begins()).toBe(64)
      await Promise.all(['a', 'b', 'c'].map((id) => store.append(kunde, [event(id)], { expectedVersion: 'any' })))
      expect(begins()).toBe(65)
    } finally {
      turns.mockRestore()
      await store.close()
    }
  })

  it('with maxWaitMicros: 0, gather only what arrives together, without waiting a turn', async () => {
    const { store, begins } = countedStore({ groupCommit: { maxWaitMicros: 0 } })
    const turns = vi.spyOn(globalThis, 'setImmediate')
    try {
      await Promise.all(['a', 'b', 'c'].map((id) => store.append(kunde, [event(id)], { expectedVersion: 'any' })))
      recorded(await store.append(kunde, [event('d')], { expectedVersion: 'any' }))
      expect(begins()).toBe(2)
      expect(turns).not.toHaveBeenCalled()
    } finally {
      turns.mockRestore()
      await store.close()
    }
  })

  it('are split into transactions of at most maxAppends', async () => {
    const { store, begins } = countedStore({ groupCommit: { maxAppends: 2 } })
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => store.append(kunde, [event(id)], { expectedVersion: 'any' })))
    expect(begins()).toBe(3)
    expect(await eventIds(store)).toEqual(['a', 'b', 'c', 'd', 'e'])
    await store.close()
  })

  describe('given a stream at version 0, when three appends to it arrive together and the middle one expects the version the first moves on', () => {
    const run = async () => {
      const { store, begins } = countedStore()
      recorded(await store.append(kunde, [event('opened')], { expectedVersion: 'no-stream' }))
      const [first, middle, last] = await Promise.all([
        store.append(kunde, [event('first')], { expectedVersion: 0n }),
        store.append(kunde, [event('middle-1'), event('middle-2')], { expectedVersion: 0n }),
        store.append(kunde, [event('last')], { expectedVersion: 1n }),
      ])
      return { store, begins: begins(), first: first!, middle: middle!, last: last! }
    }

    it('then the middle one alone fails, with the ConcurrencyError it would get alone', async () => {
      const { store, middle } = await run()
      expect(E.isLeft(middle) && middle.left).toEqual(new ConcurrencyError(kunde, 0n, 1n))
      await store.close()
    })

    it('then the others are recorded, one after the other, in one transaction', async () => {
      const { store, begins, first, last } = await run()
      expect(begins).toBe(2)
      expect(recorded(first)).toMatchObject({ nextExpectedVersion: 1n, lastGlobalPosition: 2n })
      expect(recorded(last)).toMatchObject({ nextExpectedVersion: 2n, lastGlobalPosition: 3n })
      expect(await eventIds(store)).toEqual(['opened', 'first', 'last'])
      await store.close()
    })

    it('then the hash chain runs through the group unbroken', async () => {
      const { store } = await run()
      const verified: string[] = []
      for await (const e of store.readAll({ verifyHashes: true })) verified.push(e.metadata.eventId)
      expect(verified).toEqual(['opened', 'first', 'last'])
      await store.close()
    })
  })

  it('given an append whose second event id is recorded already, when it arrives between two others, then none of its events stays and the others do', async () => {
    const { store } = countedStore()
    recorded(await store.append(kunde, [event('taken')], { expectedVersion: 'no-stream' }))
    const [before, clash, after] = await Promise.all([
      store.append(kunde, [event('before')], { expectedVersion: 'any' }),
      // The first of its events is inserted before the second is refused: only its savepoint undoes it.
      store.append(kunde, [event('fresh'), event('taken')], { expectedVersion: 'any' }),
      store.append(kunde, [event('after')], { expectedVersion: 'any' }),
    ])
    expect(E.isLeft(clash!) && clash.left).toEqual(new DuplicateEventError('taken', kunde))
    expect([before, after].map((r) => recorded(r!).nextExpectedVersion)).toEqual([1n, 2n])
    expect(await eventIds(store)).toEqual(['taken', 'before', 'after'])
    await store.close()
  })

  it('given the same append twice in one group, then the second is answered as a repeat of the first and nothing is written twice', async () => {
    const { store } = countedStore()
    const [once, again] = await Promise.all([
      store.append(kunde, [event('x-1'), event('x-2')], { expectedVersion: 'no-stream' }),
      store.append(kunde, [event('x-1'), event('x-2')], { expectedVersion: 'no-stream' }),
    ])
    expect(recorded(again!)).toEqual(recorded(once!))
    expect(await eventIds(store)).toEqual(['x-1', 'x-2'])
    await store.close()
  })

  it('commits the appends still gathering when the store is closed', async () => {
    const file = scratch.file()
    const opened = openSqliteEventStore({ path: file })
    if (E.isLeft(opened)) throw opened.left
    const pending = opened.right.append(kunde, [event('last-words')], { expectedVersion: 'no-stream' })
    await opened.right.close()
    expect(recorded(await pending).nextExpectedVersion).toBe(0n)
    const reopened = openSqliteEventStore({ path: file })
    if (E.isLeft(reopened)) throw reopened.left
    expect(await eventIds(reopened.right)).toEqual(['last-words'])
    await reopened.right.close()
  })

  it('fails every append of the group, and writes none, when the file is locked by another writer', async () => {
    const { store, db } = countedStore({ busyTimeoutMs: 0 })
    const other = new Database(db.name)
    other.prepare('BEGIN IMMEDIATE').run()
    const results = await Promise.all(['a', 'b'].map((id) => store.append(kunde, [event(id)], { expectedVersion: 'any' })))
    other.prepare('ROLLBACK').run()
    other.close()
    for (const r of results) expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
    expect(await eventIds(store)).toEqual([])
    await store.close()
  })
})
