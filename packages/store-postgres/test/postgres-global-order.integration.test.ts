import type { RecordedEvent } from '@account-ownership/core'
import { currentOwner, projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { commitGate } from './commit-gate.js'
import { eventually, openedAccount, readModelDatabase } from './live-read-model.js'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('order')

describe.skipIf(database.skip !== undefined)(`global order readers can trust${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('an append held open before its COMMIT keeps later appends from overtaking it, and readers and a live projection miss nothing', async () => {
    const schema = 'held_open'
    const heldPool = database.pool(2)
    const gate = commitGate(heldPool)
    const openedHeld = await openPostgresEventStore({ pool: heldPool, schema })
    if (E.isLeft(openedHeld)) throw openedHeld.left
    const held = openedHeld.right
    const store = await database.store({ schema })

    // A reader as a projection reads: from the position after the last one it saw, again and again.
    const seen: bigint[] = []
    let reading = true
    const reader = (async () => {
      while (reading) {
        for await (const e of store.readAll({ fromPosition: (seen.at(-1) ?? 0n) + 1n })) seen.push((e as RecordedEvent).metadata.globalPosition)
        await sleep(2)
      }
    })()
    // And the projection runtime in live mode, polling every 10 ms.
    const db = readModelDatabase()
    let projected = 0n
    const runtime = projectionRuntime({ store, db, projections: readModelProjections, batchSize: 1, onProgress: (p) => (projected = p.position) })
    const live = runtime.runLive({ pollIntervalMs: 10 })

    const late = openedAccount('spaet')
    gate.shut()
    const lateAppend = held.append(late.stream, late.events, { expectedVersion: 'no-stream' })
    await gate.held // its rows are inserted and its positions taken; the COMMIT waits
    const early = ['frueh-1', 'frueh-2'].map(openedAccount)
    const earlyAppends = Promise.all(early.map((a) => store.append(a.stream, a.events, { expectedVersion: 'no-stream' })))
    await sleep(300)
    // Later appends wait for the held one; nothing is visible yet, so there is nothing to skip.
    expect(await Promise.race([earlyAppends.then(() => 'committed'), sleep(0).then(() => 'waiting')])).toBe('waiting')
    expect(await store.headPosition()).toEqual(E.right(0n))
    expect(seen).toEqual([])

    gate.open()
    const [lateResult, earlyResults] = await Promise.all([lateAppend, earlyAppends])
    // The held append got the first positions and committed first; the others follow it.
    expect(E.isRight(lateResult) && lateResult.right.events.map((e) => e.metadata.globalPosition)).toEqual([1n, 2n, 3n, 4n])
    expect(earlyResults.every(E.isRight)).toBe(true)

    await eventually(() => seen.length >= 12 && projected >= 12n)
    reading = false
    await reader
    await runtime.stop()
    expect(E.isRight(await live)).toBe(true)
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i + 1)))
    for (const id of ['spaet', 'frueh-1', 'frueh-2']) {
      expect(await currentOwner(db, id)).toEqual(E.right(expect.objectContaining({ accountId: id, ownerId: 'hanna' })))
    }
    await held.close()
    await store.close()
  })

  it('a live projection with the store’s commit notifications reads a commit at once, not at the next poll', async () => {
    const store = await database.store({ schema: 'notified' })
    const db = readModelDatabase()
    let projected = 0n
    const runtime = projectionRuntime({ store, db, projections: readModelProjections, commits: store, onProgress: (p) => (projected = p.position) })
    // A poll an hour away: only a notification can wake the runtime within the test.
    const live = runtime.runLive({ pollIntervalMs: 3_600_000 })
    await sleep(200) // the runtime has caught up (nothing to read) and sleeps
    for (const [i, id] of ['eins', 'zwei', 'drei'].entries()) {
      const account = openedAccount(id)
      expect(E.isRight(await store.append(account.stream, account.events, { expectedVersion: 'no-stream' }))).toBe(true)
      await eventually(() => projected >= BigInt(4 * (i + 1)))
    }
    await runtime.stop()
    expect(await live).toEqual(E.right(expect.objectContaining({ position: 12n, stopped: true })))
    expect(await currentOwner(db, 'drei')).toEqual(E.right(expect.objectContaining({ ownerId: 'hanna' })))
    await store.close()
  })
})
