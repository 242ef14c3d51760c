// Live mode with a commits source: an announced commit wakes the runtime at once; a source that
// cannot subscribe leaves it polling; the subscription ends with the run. The source here is a
// test double over the in-memory store: it announces what the test appends (PostgreSQL's LISTEN/
// NOTIFY source is tested against the real server in store-postgres).
import { accountStream, inMemoryEventStore, StoreUnavailableError, type AccountId } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { currentOwner, projectionRuntime, readModelProjections } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { sqliteTestDialect } from './support/test-dialect.js'

const dialect = sqliteTestDialect()
afterAll(() => dialect.close())

const announcing = () => {
  const listeners = new Set<() => void>()
  let ended = 0
  return {
    ended: () => ended,
    announce: () => listeners.forEach((l) => l()),
    subscribeToCommits: async (onCommit: () => void) => {
      listeners.add(onCommit)
      return E.right(async () => {
        listeners.delete(onCommit)
        ended++
      })
    },
  }
}
const open = (id: string) => openedAccountEvents(account(id)).map((e, i) => newEvent(e, { eventId: `${id}-${i}` }))

describe('live mode with a commits source', () => {
  it('reads an announced commit at once, though its next poll is an hour away, and unsubscribes when stopped', async () => {
    const store = inMemoryEventStore()
    const db = await dialect.open()
    const commits = announcing()
    const runtime = projectionRuntime({ store, db, projections: readModelProjections, commits })
    const running = runtime.runLive({ pollIntervalMs: 3_600_000 })
    for (const id of ['eins', 'zwei']) {
      expect(E.isRight(await store.append(accountStream(id as AccountId), open(id), { expectedVersion: 'no-stream' }))).toBe(true)
      commits.announce()
      await vi.waitFor(async () => expect(await currentOwner(db, id)).toEqual(E.right(expect.objectContaining({ ownerId: 'hanna' }))), { timeout: 5_000 })
    }
    await runtime.stop()
    expect(await running).toEqual(E.right({ position: 8n, done: 8, stopped: true }))
    expect(commits.ended()).toBe(1)
  })

  it('keeps polling when the source cannot subscribe', async () => {
    const store = inMemoryEventStore()
    const db = await dialect.open()
    const failing = { subscribeToCommits: async () => E.left(new StoreUnavailableError('no LISTEN today', true)) }
    const runtime = projectionRuntime({ store, db, projections: readModelProjections, commits: failing })
    const running = runtime.runLive({ pollIntervalMs: 5 })
    expect(E.isRight(await store.append(accountStream('drei' as AccountId), open('drei'), { expectedVersion: 'no-stream' }))).toBe(true)
    await vi.waitFor(async () => expect(await currentOwner(db, 'drei')).toEqual(E.right(expect.objectContaining({ ownerId: 'hanna' }))), { timeout: 5_000 })
    await runtime.stop()
    expect(E.isRight(await running)).toBe(true)
  })
})
