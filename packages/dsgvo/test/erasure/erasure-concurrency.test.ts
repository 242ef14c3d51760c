// An erasure beside the writes of one process: an append sealing the subject's data while the
// erasure runs, and a second erasure of the same subject at the same time. Real SQLite key store,
// the in-memory log (what is tested is the order of key lookups, destructions and appends).
import { accountStream, erasedMarker, inMemoryEventStore, type AccountId, type SubjectId } from '@account-ownership/core'
import { account, cast, epoch, newEvent, openedAccountEvents, tenant } from '@account-ownership/core/testing'
import { encryptingEventStore, erase, type KeyStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const request = { by: cast.dora, legalGround: 'art17-1-c-objection', at: epoch, tenantId: tenant } as const
const erika = 'stakeholder:erika' as SubjectId
const mapped = (accountId: AccountId, name: string) =>
  newEvent({ type: 'StakeholderMapped', data: { accountId, stakeholderId: 'erika', role: 'decision-maker', name, email: 'erika@example.de', mappedBy: cast.hanna } } as never)
const opened = (accountId: AccountId, name: string) => [...openedAccountEvents(accountId).map((e) => newEvent(e)), mapped(accountId, name)]

const namesIn = async (store: ReturnType<typeof encryptingEventStore>, accountId: AccountId) => {
  const names: string[] = []
  for await (const e of store.readStream(accountStream(accountId))) if (e.type === 'StakeholderMapped') names.push((e.data as { name: string }).name)
  return names
}

describe('an erasure beside other work on the same subject', () => {
  it('never lets an append commit values sealed under a key it destroyed: they are erased with it, or sealed under a new key', async () => {
    const real = sqliteKeyStore(new Database(':memory:'))
    // The append's key lookup is held back until the erasure has had its chance to run.
    let held: Promise<void> | undefined
    const keys: KeyStore = {
      ...real,
      keyFor: async (subject, version) => {
        const found = await real.keyFor(subject, version)
        if (version === undefined && subject === erika && held !== undefined) {
          const waiting = held
          held = undefined
          await waiting
        }
        return found
      },
    }
    const store = encryptingEventStore({ store: inMemoryEventStore(), keys })
    const [first, second] = [account('kunde-1'), account('kunde-2')]
    expect(E.isRight(await store.append(accountStream(first), opened(first, 'Erika Alt'), { expectedVersion: 'no-stream' }))).toBe(true)
    let release!: () => void
    held = new Promise<void>((resolve) => (release = resolve))
    const appending = store.append(accountStream(second), opened(second, 'Erika Neu'), { expectedVersion: 'no-stream' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const erasing = erase({ store, keys }, erika, request)
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    const [appended, erased] = await Promise.all([appending, erasing])
    expect(E.isRight(appended) && E.isRight(erased)).toBe(true)
    const erasedAt = E.isRight(erased) ? erased.right.metadata.globalPosition : 0n
    const appendedAt = E.isRight(appended) ? appended.right.lastGlobalPosition : 0n
    // What the log holds agrees with its order: written before the erasure, erased; after it, readable.
    expect(await namesIn(store, second)).toEqual([appendedAt < erasedAt ? erasedMarker : 'Erika Neu'])
    expect(await namesIn(store, first)).toEqual([erasedMarker])
  })

  it('records one erasure where two of the same subject run at once; the other finds it erased', async () => {
    const keys = sqliteKeyStore(new Database(':memory:'))
    const store = encryptingEventStore({ store: inMemoryEventStore(), keys })
    const accountId = account('kunde-1')
    expect(E.isRight(await store.append(accountStream(accountId), opened(accountId, 'Erika'), { expectedVersion: 'no-stream' }))).toBe(true)
    const both = await Promise.all([erase({ store, keys }, erika, request), erase({ store, keys }, erika, request)])
    expect(both.map((r) => (E.isRight(r) ? `recorded ${r.right.data.keysDestroyed}` : r.left._tag)).sort()).toEqual(['AlreadyErasedError', 'recorded 1'])
    expect(await keys.versionsOf(erika)).toEqual(E.right(1))
  })
})
