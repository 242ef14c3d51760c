// The projection runtime's progress on EventStoreDB (the gRPC test double), whose positions are
// the server's log offsets — hundreds apart, not 1, 2, 3: it reports events, as on SQLite, not
// positions.
import { accountStream, type EventStore } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { projectionRuntime, readModelProjections, type Progress, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'

const dir = mkdtempSync(join(tmpdir(), 'ao-esdb-progress-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const appendAccounts = async (store: EventStore, ids: ReadonlyArray<string>) => {
  for (const id of ids) {
    const appended = await store.append(accountStream(account(id)), openedAccountEvents(account(id)).map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    if (E.isLeft(appended)) throw appended.left
  }
}

describe('projection progress on EventStoreDB (gRPC test double)', () => {
  it('counts events read, done never above total, and both equal to the events at the end — of a rebuild and of a later catch-up', async () => {
    const { store, double } = await storeOnDouble()
    const ids = Array.from({ length: 15 }, (_, i) => `kunde-${i}`)
    await appendAccounts(store, ids)
    double.write('orders-1', 7) // another application's events in $all: not ours, not counted
    const head = E.getOrElse(() => 0n)(await store.headPosition())
    expect(head).toBeGreaterThan(1000n)
    const db: Kysely<ReadModels> = sqliteReadModels(join(dir, 'read-models.db'))
    const reports: Progress[] = []
    const runtime = projectionRuntime({ store, db, projections: readModelProjections, batchSize: 8, onProgress: (p) => reports.push(p) })

    const rebuilt = await runtime.rebuild()
    expect(rebuilt).toEqual(E.right(expect.objectContaining({ done: 60, position: head })))
    expect(reports.length).toBeGreaterThan(5)
    expect(reports.every((p) => p.done <= p.total)).toBe(true)
    expect(reports.map((p) => p.done)).toEqual([...reports.map((p) => p.done)].sort((a, b) => a - b))
    expect(reports.at(-1)).toMatchObject({ done: 60, total: 60, position: head })

    reports.length = 0
    await appendAccounts(store, ['kunde-neu'])
    expect(await runtime.runUntilCaughtUp()).toEqual(E.right(expect.objectContaining({ done: 4 })))
    expect(reports.at(-1)).toMatchObject({ done: 4, total: 4 })
    await db.destroy()
    await closeStoreOnDouble(store)
  })
})
