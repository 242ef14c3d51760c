// A rebuild that meets a row of the log that no longer decodes stops there with the store's
// CorruptEventError, naming the row; what it committed before stays, exactly once, and a run
// after the row is repaired goes on from there to the head — on a real SQLite log read a page at a
// time.
import { copyLog } from '@account-ownership/core'
import { projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { openSqliteEventStore, type SqliteEventStore } from '@account-ownership/store-sqlite'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scenario } from './support/scenario.js'
import { sqliteTestDialect } from './support/test-dialect.js'

const dialect = sqliteTestDialect()
const dir = mkdtempSync(join(tmpdir(), 'ao-corrupt-log-'))
afterAll(async () => {
  await dialect.close()
  rmSync(dir, { recursive: true, force: true })
})

const opened = (path: string): SqliteEventStore => {
  const store = openSqliteEventStore({ path })
  if (E.isLeft(store)) throw store.left
  return store.right
}

describe('a rebuild over a SQLite log with a row that no longer decodes', () => {
  it('stops at that row with its CorruptEventError, keeps the batches before it, and goes on to the head once the row is repaired', async () => {
    const path = join(dir, 'kunden.db')
    const log = opened(path)
    const copied = await copyLog({ from: await scenario(), to: log })
    if (E.isLeft(copied)) throw copied.left
    const head = await log.headPosition()
    if (E.isLeft(head)) throw head.left
    // The batches of two that a rebuild reads: events of the types some read model handles.
    const types = [...new Set(readModelProjections.flatMap((p) => p.handles))]
    const handled: bigint[] = []
    for await (const event of log.readAll({ types })) handled.push(event.metadata.globalPosition)
    const batchOfSeven = Math.floor(handled.indexOf(7n) / 2)
    const committedBefore = batchOfSeven === 0 ? 0n : handled[batchOfSeven * 2 - 1]!
    await log.close()

    // The seventh event's data stops being JSON, behind the store's back.
    const raw = new Database(path)
    removeAppendOnlyTriggers(raw)
    const original = raw.prepare('SELECT data FROM ao_events WHERE global_position = 7').pluck().get() as string
    raw.prepare('UPDATE ao_events SET data = ? WHERE global_position = 7').run(original.slice(0, -1))

    const db = await dialect.open()
    const store = opened(path)
    const failed = await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 2 }).rebuild()
    expect(E.isLeft(failed) && failed.left).toMatchObject({ _tag: 'CorruptEventError', globalPosition: 7n, reason: expect.stringMatching(/data is not JSON/) })
    // The batches before the one that holds position 7 were committed, that one was not.
    expect(committedBefore).toBeGreaterThan(0n)
    const checkpoints = await db.selectFrom('projection_checkpoints').select((eb) => eb.cast<string>('position', 'text').as('position')).execute()
    expect(checkpoints.map((row) => row.position)).toEqual(readModelProjections.map(() => committedBefore.toString()))

    raw.prepare('UPDATE ao_events SET data = ? WHERE global_position = 7').run(original)
    raw.close()
    const resumed = await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 2 }).runUntilCaughtUp()
    expect(E.isRight(resumed) && resumed.right).toMatchObject({ position: head.right, stopped: false })
    await store.close()
  })
})
