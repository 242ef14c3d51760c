import { accountStream, chainHash } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { sealOf, verifyChain } from '@account-ownership/dsgvo'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { chainedLog } from './chained-log.js'
import { storedRows, storeOver } from './stored-rows.js'

const scratch = scratchDir('seal')

const sealedLog = async () => {
  const path = scratch.file()
  const log = await chainedLog(path, scratch.file())
  const verified = await verifyChain(storedRows(path))
  if (E.isLeft(verified)) throw verified.left
  return { path, log, seal: sealOf(verified.right.heads, verified.right.lastPosition) }
}

describe('seals over the stream heads', () => {
  it('hold for the log as sealed and as it grows after the seal', async () => {
    const { path, log, seal } = await sealedLog()
    await log.store.append(accountStream(account('kunde-9')), openedAccountEvents(account('kunde-9')).map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    await log.close()
    const verified = await verifyChain(storedRows(path), { seals: [seal] })
    expect(E.isRight(verified) && verified.right.events).toBe(19)
  })

  it('catch the newest events of a stream removed, which the chain alone cannot see', async () => {
    const { path, log, seal } = await sealedLog()
    await log.close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    db.prepare("DELETE FROM ao_events WHERE stream_id = 'account-kunde-3' AND stream_version >= 3").run()
    expect(E.isRight(await verifyChain(storedRows(db)))).toBe(true)
    const verified = await verifyChain(storedRows(db), { seals: [seal] })
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && [verified.left.reason, verified.left.globalPosition]).toEqual(['seal-mismatch', 15n])
    db.close()
  })

  it('catch a whole stream removed, or a stream rewritten with a freshly computed chain', async () => {
    const { path, log, seal } = await sealedLog()
    await log.close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    const store = storeOver(db)
    db.prepare("DELETE FROM ao_events WHERE stream_id = 'account-kunde-2'").run()
    const verified = await verifyChain(storedRows(db), { contiguousPositions: false, seals: [seal] })
    expect(E.isLeft(verified) && verified.left._tag === 'ChainBrokenError' && verified.left.reason).toBe('seal-mismatch')
    // The last event of kunde-1 gets another payload and a hash recomputed to match.
    type Row = { stream_id: string; stream_version: bigint; event_id: string; type: string; schema_version: bigint; data: string; metadata: string; recorded_at: string }
    db.defaultSafeIntegers(true)
    const last = db.prepare("SELECT * FROM ao_events WHERE stream_id = 'account-kunde-1' ORDER BY stream_version DESC LIMIT 1").get() as Row
    const before = db.prepare("SELECT hash FROM ao_events WHERE stream_id = 'account-kunde-1' AND stream_version = ?").get(last.stream_version - 1n) as { hash: string }
    const data = last.data.replace('decision-maker', 'influencer')
    const hash = chainHash(before.hash, { streamId: last.stream_id, streamVersion: last.stream_version, eventId: last.event_id, type: last.type, schemaVersion: Number(last.schema_version), data, metadata: last.metadata, recordedAt: last.recorded_at })
    db.prepare("UPDATE ao_events SET data = ?, hash = ? WHERE stream_id = 'account-kunde-1' AND stream_version = ?").run(data, hash, last.stream_version)
    expect(E.isRight(await verifyChain(store.readStoredAll(), { contiguousPositions: false }))).toBe(true)
    expect(E.isLeft(await verifyChain(store.readStoredAll(), { contiguousPositions: false, seals: [seal] }))).toBe(true)
    db.close()
  })
})
