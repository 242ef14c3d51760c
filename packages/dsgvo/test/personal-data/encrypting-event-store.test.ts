import { accountDecider, accountStream, fold, inMemoryEventStore, type RecordedEvent, type SubjectId } from '@account-ownership/core'
import { account, cast, epoch, newEvent, openedAccountEvents, tenant } from '@account-ownership/core/testing'
import { encryptingEventStore, erase, erasedMarker, stakeholderSubject } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { all, encryptingInMemory } from './encrypting-set-up.js'
import { mapped } from '../stakeholders.js'

const scratch = scratchDir('encrypting')

const setUp = () => encryptingInMemory(scratch)

const dataOf = (e: RecordedEvent | undefined) => e?.data as Record<string, unknown>

const stream = accountStream(account())
const history = [...openedAccountEvents(), mapped('erika', 'Erika Mustermann', 'erika@example.de'), mapped('max', 'Max Muster', 'max@example.de')]

describe('the encrypting event store', () => {
  it('stores envelopes, never the plaintext, and reads the plaintext back', async () => {
    const { plain, store } = setUp()
    const appended = await store.append(stream, history.map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    expect(E.isRight(appended) && dataOf(appended.right.events[4]).name).toBe('Erika Mustermann')
    const stored = await all(plain.readAll())
    expect(JSON.stringify(stored, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toMatch(/Erika|Mustermann|erika@|Max Muster|max@|Support ticket/)
    expect(String(dataOf(stored[4]).name)).toMatch(/^pd1~stakeholder:erika~1~/)
    expect(String(dataOf(stored[3]).purposeNote)).toMatch(/^pd1~principal:sven~1~/)
    const read = await all(store.readStream(stream))
    expect(read.slice(4).map((e) => [dataOf(e).name, dataOf(e).email])).toEqual([
      ['Erika Mustermann', 'erika@example.de'],
      ['Max Muster', 'max@example.de'],
    ])
    expect(read.slice(0, 3)).toEqual(stored.slice(0, 3))
    expect(read[3]).toEqual({ ...stored[3], data: { ...dataOf(stored[3]), purposeNote: 'Support ticket 4711' } })
  })

  it('reads an erased subject as [erased] and every other subject and fact as before', async () => {
    const { store, keys } = setUp()
    await store.append(stream, history.map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    const before = await all(store.readAll())
    const erika = stakeholderSubject('erika')
    if (E.isLeft(erika)) throw erika.left
    const erased = await erase({ store, keys }, erika.right, { by: cast.dora, legalGround: 'art17-1-b-consent-withdrawn', at: epoch, tenantId: tenant })
    expect(E.isRight(erased) && erased.right.data).toEqual({ subjectId: 'stakeholder:erika', erasedBy: 'dora', legalGround: 'art17-1-b-consent-withdrawn', keysDestroyed: 1 })
    const after = await all(store.readAll())
    expect(after).toHaveLength(before.length + 1)
    expect([dataOf(after[4]).name, dataOf(after[4]).email]).toEqual([erasedMarker, erasedMarker])
    expect(after[5]).toEqual(before[5])
    expect(after.slice(0, 4)).toEqual(before.slice(0, 4))
    expect(after[6]?.metadata.streamId).toBe('subject-stakeholder:erika')
    // The account still replays, to the same state.
    const state = (events: RecordedEvent[]) => fold(accountDecider, accountDecider.initialState, events.filter((e) => e.metadata.streamId === stream) as never)
    expect(state(after)).toEqual(state(before))
  })

  it('gives a subject named again after an erasure a new key, and keeps the old data erased', async () => {
    const { store, keys } = setUp()
    await store.append(stream, [newEvent(history[0]!), newEvent(mapped('erika', 'Erika Alt', 'alt@example.de'))], { expectedVersion: 'no-stream' })
    await erase({ store, keys }, 'stakeholder:erika', { by: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', at: epoch, tenantId: tenant })
    await store.append(stream, [newEvent(mapped('erika', 'Erika Neu', 'neu@example.de'))], { expectedVersion: 1n })
    const read = await all(store.readStream(stream))
    expect(read.slice(1).map((e) => dataOf(e).name)).toEqual([erasedMarker, 'Erika Neu'])
    const key = await keys.keyFor('stakeholder:erika' as SubjectId)
    expect(E.isRight(key) && key.right?.version).toBe(2)
  })

  it('refuses personal data its codec refuses, before encrypting it', async () => {
    const { store } = setUp()
    const result = await store.append(stream, [newEvent(history[0]!), newEvent(mapped('erika', '   ', 'e@example.de'))], { expectedVersion: 'no-stream' })
    expect(E.isLeft(result) && [result.left._tag, (result.left as { field?: string }).field]).toEqual(['InvalidStoreInputError', 'events[1].data.name'])
  })

  it('refuses a name whose envelope no longer fits its codec, naming the field', async () => {
    const { store, plain } = setUp()
    const result = await store.append(stream, [newEvent(history[0]!), newEvent(mapped('erika', 'E'.repeat(400), 'e@example.de'))], { expectedVersion: 'no-stream' })
    expect(E.isLeft(result) && [result.left._tag, (result.left as { field?: string }).field]).toEqual(['InvalidStoreInputError', 'events[1].data.name'])
    expect(await all(plain.readAll())).toEqual([])
  })

  it('fails a read of an envelope moved into another event', async () => {
    const { plain, store, keys } = setUp()
    await store.append(stream, [newEvent(history[0]!), newEvent(mapped('erika', 'Erika', 'e@example.de'))], { expectedVersion: 'no-stream' })
    const envelope = String(dataOf((await all(plain.readAll()))[1]).name)
    // Someone with write access to the log copies Erika's envelope into an event of their own.
    const forged = inMemoryEventStore()
    await forged.append(stream, [newEvent(history[0]!), newEvent(mapped('erika', envelope, 'x@example.de'))], { expectedVersion: 'no-stream' })
    await expect(all(encryptingEventStore({ store: forged, keys }).readAll())).rejects.toMatchObject({ _tag: 'CorruptEventError', streamVersion: 1n })
  })
})

describe('the encrypting event store with bad personal data', () => {
  it('names the field but never shows the plaintext in the error', async () => {
    const { store } = setUp()
    const name = `Erika Mustermann ${'x'.repeat(600)}`
    const result = await store.append(stream, [...openedAccountEvents(), mapped('erika', name, 'erika@example.de')].map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'events[4].data.name' })))
    if (E.isLeft(result)) expect(`${result.left.message} ${String((result.left as { reason?: unknown }).reason)}`).not.toMatch(/Erika|Mustermann/)
  })
})
