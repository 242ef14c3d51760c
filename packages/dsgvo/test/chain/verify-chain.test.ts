import { cast, epoch, tenant } from '@account-ownership/core/testing'
import { erase, verifyChain } from '@account-ownership/dsgvo'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { chainedLog } from './chained-log.js'
import { storedRows } from './stored-rows.js'

const scratch = scratchDir('chain')

describe('the hash chain of a SQLite log', () => {
  it('verifies a log as written, every event in its stream', async () => {
    const path = scratch.file()
    const log = await chainedLog(path, scratch.file())
    await log.close()
    const verified = await verifyChain(storedRows(path))
    expect(E.isRight(verified) && [verified.right.events, verified.right.lastPosition, [...verified.right.heads.keys()]]).toEqual([15, 15n, ['account-kunde-1', 'account-kunde-2', 'account-kunde-3']])
  })

  it('still verifies after an erasure: the stored bytes did not change, only a key is gone', async () => {
    const path = scratch.file()
    const log = await chainedLog(path, scratch.file())
    const erased = await erase(log, 'stakeholder:contact-1', { by: cast.dora, legalGround: 'art17-1-b-consent-withdrawn', at: epoch, tenantId: tenant })
    expect(E.isRight(erased)).toBe(true)
    await log.close()
    const verified = await verifyChain(storedRows(path))
    expect(E.isRight(verified) && verified.right.events).toBe(16)
  })

  it('names the stream and version where an event was taken out of the middle of a stream', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    db.prepare("DELETE FROM ao_events WHERE stream_id = 'account-kunde-2' AND stream_version = 2").run()
    const verified = await verifyChain(storedRows(db), { contiguousPositions: false })
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && [verified.left.reason, verified.left.streamId, verified.left.streamVersion, verified.left.globalPosition]).toEqual(['version-gap', 'account-kunde-2', 3n, 9n])
    const strict = await verifyChain(storedRows(db))
    expect(E.isLeft(strict) && strict.left._tag === 'ChainBrokenError' && [strict.left.reason, strict.left.globalPosition]).toEqual(['position-gap', 8n])
    db.close()
  })

  it('chains the events of a file written before the hash column existed when the file is migrated', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    // Make the file what schema version 1 wrote: no hash column.
    db.exec('ALTER TABLE ao_events DROP COLUMN hash; DELETE FROM ao_schema_version WHERE version > 1')
    db.close()
    const reopened = openSqliteEventStore({ path })
    if (E.isLeft(reopened)) throw reopened.left
    await reopened.right.close()
    const verified = await verifyChain(storedRows(path))
    expect(E.isRight(verified) && verified.right.events).toBe(15)
  })
})

describe('a store tells the verifier how it numbers its log', () => {
  // The SQLite log's rows at doubled positions — 2, 4, 6 … — as EventStoreDB's log offsets leave gaps.
  const sparse = async (path: string) => {
    const rows = []
    for await (const row of storedRows(path)) rows.push({ ...row, globalPosition: (row.globalPosition as bigint) * 2n })
    return rows
  }

  it('a store without `positions` is held to 1, 2, 3 …, and one that says `increasing` is not', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const rows = await sparse(path)
    const held = await verifyChain({ readStoredAll: async function* () { yield* rows } })
    expect(E.isLeft(held) && held.left._tag === 'ChainBrokenError' && [held.left.reason, held.left.globalPosition]).toEqual(['position-gap', 1n])
    const increasing = await verifyChain({ positions: 'increasing', readStoredAll: async function* () { yield* rows } })
    expect(E.isRight(increasing) && [increasing.right.events, increasing.right.lastPosition]).toEqual([15, 30n])
    // The caller's option still wins over what the store says.
    const strict = await verifyChain({ positions: 'increasing', readStoredAll: async function* () { yield* rows } }, { contiguousPositions: true })
    expect(E.isLeft(strict)).toBe(true)
  })

  it('the SQLite store is verified as itself, contiguous, so a removed newest event of a stream is found', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    // kunde-1's newest event (version 4) sits at position 5, between kunde-1's and kunde-2's.
    db.prepare("DELETE FROM ao_events WHERE stream_id = 'account-kunde-1' AND stream_version = 4").run()
    db.close()
    const opened = openSqliteEventStore({ path, readonly: true })
    if (E.isLeft(opened)) throw opened.left
    const verified = await verifyChain(opened.right)
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && [verified.left.reason, verified.left.globalPosition]).toEqual(['position-gap', 5n])
    await opened.right.close()
  })
})

