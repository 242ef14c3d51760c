import { readFileSync, writeFileSync } from 'node:fs'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import { verifyChain } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { chainedLog } from './chained-log.js'
import { storeOver } from './stored-rows.js'

const scratch = scratchDir('verified-read')

const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

const rejection = async (it: AsyncIterable<unknown>): Promise<unknown> => {
  try {
    await collect(it)
  } catch (e) {
    return e
  }
  return undefined
}

describe('reading the log with hashes verified', () => {
  it('refuses an event whose stored bytes changed after it was written, naming its place, where a plain read passes it on', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const db = new Database(path)
    removeAppendOnlyTriggers(db)
    // Still valid JSON and still a valid event: only the chain can tell.
    db.prepare("UPDATE ao_events SET data = replace(data, 'ACME', 'ACNE') WHERE stream_id = 'account-kunde-2' AND stream_version = 0").run()
    const store = storeOver(db)
    const changed = (await collect(store.readAll())).find((e) => e.metadata.streamId === 'account-kunde-2' && e.metadata.streamVersion === 0n)
    expect(changed?.data).toMatchObject({ displayName: expect.stringContaining('ACNE') })
    expect(await rejection(store.readAll({ verifyHashes: true }))).toMatchObject({ _tag: 'CorruptEventError', streamId: 'account-kunde-2', streamVersion: 0n })
    // From a later position the row is checked against its stored predecessor all the same.
    expect(await rejection(store.readAll({ verifyHashes: true, fromPosition: 2n }))).toMatchObject({ _tag: 'CorruptEventError', streamId: 'account-kunde-2' })
    db.close()
  })

  it('answers a verification of a damaged file with a typed error, never a throw', async () => {
    const path = scratch.file()
    await (await chainedLog(path, scratch.file())).close()
    const bytes = readFileSync(path)
    // Overwrite the second half of the file (the pages that hold the events) with garbage.
    for (let i = Math.floor(bytes.length / 2); i < bytes.length; i++) bytes[i] = (i * 131) % 251
    writeFileSync(path, bytes)
    const db = new Database(path, { readonly: true })
    const verified = await verifyChain(storeOver(db).readStoredAll())
    expect(E.isLeft(verified) && ['ChainBrokenError', 'StoreUnavailableError', 'CorruptEventError'].includes(verified.left._tag)).toBe(true)
    db.close()
  })
})
