// Property: erasing any subject never changes any other subject's data or any ownership fact.
import { accountDecider, accountStream, fold, inMemoryEventStore, type AccountEvent, type AccountState, type RecordedEvent } from '@account-ownership/core'
import { account, cast, epoch, newEvent, openedAccountEvents, tenant } from '@account-ownership/core/testing'
import { encryptingEventStore, erase, erasedMarker } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mapped } from '../stakeholders.js'

const contacts = ['anna', 'bernd', 'clara', 'dieter'] as const
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0)
const mapping = fc.record({ account: fc.integer({ min: 0, max: 2 }), contact: fc.constantFrom(...contacts), name: text, email: fc.stringMatching(/^[a-z0-9._-]{1,20}@[a-z0-9.-]{1,20}$/) })

const all = async (events: AsyncIterable<RecordedEvent>) => {
  const out: RecordedEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

describe('erasure', () => {
  it('never changes any other subject’s data or any ownership fact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mapping, { minLength: 1, maxLength: 12 }), fc.constantFrom(...contacts), async (mappings, erased) => {
        const keys = sqliteKeyStore(new Database(':memory:'), { owned: true })
        const store = encryptingEventStore({ store: inMemoryEventStore(), keys })
        for (const i of [0, 1, 2]) {
          const id = account(`kunde-${i}`)
          const events: AccountEvent[] = [...openedAccountEvents(id, i === 1 ? cast.felix : cast.hanna), ...mappings.filter((m) => m.account === i).map((m) => mapped(m.contact, m.name, m.email, id))]
          const appended = await store.append(accountStream(id), events.map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
          expect(E.isRight(appended)).toBe(true)
        }
        const before = await all(store.readAll())
        const result = await erase({ store, keys }, `stakeholder:${erased}`, { by: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', at: epoch, tenantId: tenant })
        // A contact never mapped has no personal data in the log: the erasure is refused, nothing changes.
        const known = mappings.some((m) => m.contact === erased)
        expect(E.isRight(result) ? 'erased' : result.left._tag).toBe(known ? 'erased' : 'UnknownSubjectError')
        const after = (await all(store.readAll())).slice(0, before.length)
        after.forEach((event, i) => {
          const was = before[i]!
          if (event.type === 'StakeholderMapped' && event.data.stakeholderId === erased) {
            const { name: _n, email: _e, ...rest } = event.data
            const { name: _wn, email: _we, ...wasRest } = was.data as typeof event.data
            expect(rest).toEqual(wasRest)
            expect([event.data.name, event.data.email ?? erasedMarker]).toEqual([erasedMarker, erasedMarker])
          } else {
            expect(event).toEqual(was)
          }
        })
        const states = (events: RecordedEvent[]) =>
          [0, 1, 2].map((i) => fold(accountDecider, accountDecider.initialState as AccountState, events.filter((e) => e.metadata.streamId === accountStream(account(`kunde-${i}`))) as never))
        expect(states(after)).toEqual(states(before))
        await keys.close()
      }),
      { numRuns: 60 },
    )
  })
})
