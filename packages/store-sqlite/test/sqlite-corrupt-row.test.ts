import { readAllPages } from '@account-ownership/core'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { openOrThrow, seedFile, seededStream, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('corrupt')

// Tamper with the third event of the seeded stream (version 2, position 3) behind the store's back.
const tampered = async (sql: string) => {
  const file = scratch.file()
  await seedFile(file)
  const raw = new Database(file)
  removeAppendOnlyTriggers(raw)
  raw.prepare(sql).run()
  raw.close()
  return openOrThrow({ path: file })
}

describe('a stored row that no longer decodes', () => {
  it.each([
    ['data that is not JSON', `UPDATE ao_events SET data = '{"accountId": "kunde-1",' WHERE stream_version = 2`, /data is not JSON/],
    ['an unknown event type', `UPDATE ao_events SET type = 'AccountExploded' WHERE stream_version = 2`, /^type: expected one of/],
    ['a payload that fails its codec', `UPDATE ao_events SET data = json_set(data, '$.role', 'janitor') WHERE stream_version = 2`, /role/],
    ['a newer payload schema version', `UPDATE ao_events SET schema_version = 7 WHERE stream_version = 2`, /newer/],
    ['metadata of another event', `UPDATE ao_events SET event_id = 'somebody-else' WHERE stream_version = 2`, /eventId/],
  ])('with %s stops every read with a CorruptEventError naming stream, version and position', async (_, sql, reason) => {
    const store = await tampered(sql)
    const byType = store.readAll({ types: ['AccountOpened', 'OwnershipAssigned', 'TeamMemberAdded'] })
    for (const read of [store.readStream(seededStream), store.readAll(), store.readAll({ batchSize: 1 }), byType]) {
      const { items, error } = await settle(read)
      // The rows before it are delivered, the corrupt one is never skipped: the read ends there.
      expect(items.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n])
      expect(error).toMatchObject({ _tag: 'CorruptEventError', streamId: seededStream, streamVersion: 2n, globalPosition: 3n, reason: expect.stringMatching(reason) })
    }
    // Read a page at a time, the page that holds it fails whole; the pages before it are delivered.
    for (const [batchSize, before] of [[1, [0n, 1n]], [500, []]] as const) {
      const { items, error } = await settle(readAllPages(store, { batchSize }))
      expect(items.flat().map((e) => e.metadata.streamVersion)).toEqual(before)
      expect(error).toMatchObject({ _tag: 'CorruptEventError', streamVersion: 2n, globalPosition: 3n, reason: expect.stringMatching(reason) })
    }
    await store.close()
  })

  it('stops a read by type that leaves its type out only where the row is of a type this library does not know', async () => {
    const leavingOut = { types: ['AccountOpened', 'OwnershipAssigned', 'AccessGranted'] } as const
    const damaged = await tampered(`UPDATE ao_events SET data = 'x' WHERE stream_version = 2`)
    expect((await settle(damaged.readAll(leavingOut))).items.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n, 3n])
    await damaged.close()
    const unknown = await tampered(`UPDATE ao_events SET type = 'AccountExploded' WHERE stream_version = 2`)
    const { items, error } = await settle(unknown.readAll(leavingOut))
    expect(items.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n])
    expect(error).toMatchObject({ _tag: 'CorruptEventError', streamVersion: 2n, reason: expect.stringMatching(/^type: expected one of/) })
    await unknown.close()
  })

  it('stops only the reads that reach it; the rows after it stay readable by position', async () => {
    const store = await tampered(`UPDATE ao_events SET data = 'x' WHERE stream_version = 2`)
    expect((await settle(store.readAll({ fromPosition: 4n }))).items.map((e) => e.metadata.globalPosition)).toEqual([4n])
    expect((await settle(store.readStream(seededStream, { from: 3n }))).items.map((e) => e.metadata.streamVersion)).toEqual([3n])
    expect(await store.streamVersion(seededStream)).toEqual(E.right(3n))
    await store.close()
  })
})
