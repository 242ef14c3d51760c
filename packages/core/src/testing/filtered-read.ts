/**
 * Reading the log by event type (nach Ereignistyp lesen): a filtered `readAll` answers exactly the
 * events of the named types that the unfiltered read answers, in the same order, through any
 * batch size and position window, with hashes verified or not — and refuses a filter it cannot
 * mean. Part of the store contract suite.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { DomainEventType } from '../domain-event.js'
import type { EventStore, ReadAllOptions } from '../store/event-store.js'
import { readAllPages } from '../store/read-all-pages.js'
import type { RecordedEvent } from '../store/recorded-event.js'
import { accountStream } from '../store/stream-id.js'
import { account, newEvent, openedAccountEvents } from './fixtures.js'
import { collect, rejection } from './collect.js'

const comparable = (e: RecordedEvent) => ({ type: e.type, data: e.data, eventId: e.metadata.eventId, p: e.metadata.globalPosition })

// Three accounts appended turn by turn, one event each time, so that the types interleave in the log.
const seed = async (store: EventStore): Promise<void> => {
  const accounts = ['kunde-1', 'kunde-2', 'kunde-3'].map((id) => ({ id, events: openedAccountEvents(account(id)) }))
  for (let i = 0; i < 4; i++) {
    for (const { id, events } of accounts) {
      const appended = await store.append(accountStream(account(id)), [newEvent(events[i]!, { eventId: `typed-${id}-${i}` })], { expectedVersion: i === 0 ? 'no-stream' : BigInt(i - 1) })
      if (E.isLeft(appended)) throw appended.left
    }
  }
}

// The seed's four types and one it never records: a filter may name a type the log lacks.
const filterTypes: ReadonlyArray<DomainEventType> = ['AccountOpened', 'OwnershipAssigned', 'TeamMemberAdded', 'AccessGranted', 'AccountArchived']

/**
 * Register the tests of `readAll({ types })` on stores that `fresh` opens empty.
 * @category testing
 * @since 0.3.0
 */
export const filteredReadContract = (fresh: () => Promise<EventStore>): void => {
  it('reads by type exactly the events of those types that the whole log holds, in order, in any batch size and window', async () => {
    const store = await fresh()
    await seed(store)
    const all = await collect(store.readAll())
    const positions = all.map((e) => e.metadata.globalPosition)
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...filterTypes), { minLength: 1 }),
        fc.constantFrom(1, 2, 5, 500),
        fc.nat({ max: all.length - 1 }),
        fc.nat({ max: all.length - 1 }),
        fc.boolean(),
        async (types, batchSize, i, j, verifyHashes) => {
          const [from, to] = [positions[Math.min(i, j)]!, positions[Math.max(i, j)]!]
          const options: ReadAllOptions = { types, batchSize, fromPosition: from, toPosition: to, verifyHashes }
          const expected = all.filter((e) => types.includes(e.type) && e.metadata.globalPosition >= from && e.metadata.globalPosition <= to)
          expect((await collect(store.readAll(options))).map(comparable)).toEqual(expected.map(comparable))
          // Page by page (the store's own pages, where it has them): the same events, none of the pages empty or too long.
          const pages = await collect(readAllPages(store, options))
          expect(pages.flat().map(comparable)).toEqual(expected.map(comparable))
          for (const page of pages) {
            expect(page.length).toBeGreaterThan(0)
            expect(page.length).toBeLessThanOrEqual(batchSize)
          }
          const rows = await collect(store.readStoredAll(options))
          expect(rows.map((r) => r.globalPosition)).toEqual(expected.map((e) => e.metadata.globalPosition))
        },
      ),
      { numRuns: 25 },
    )
  })

  it('reads by a type the log does not hold nothing, and the same type named twice once', async () => {
    const store = await fresh()
    await seed(store)
    expect(await collect(store.readAll({ types: ['AccountArchived'] }))).toEqual([])
    const once = await collect(store.readAll({ types: ['AccessGranted'] }))
    expect(once).toHaveLength(3)
    expect((await collect(store.readAll({ types: ['AccessGranted', 'AccessGranted'] }))).map(comparable)).toEqual(once.map(comparable))
  })

  it.each<[string, string, unknown]>([
    ['a type alone, not in an array', 'types', 'AccountOpened'],
    ['an empty array', 'types', []],
    ['null', 'types', null],
    ['a misspelt type', 'types[1]', ['AccountOpened', 'AcountOpened']],
    ['a number among the types', 'types[0]', [42, 'AccountOpened']],
  ])('refuses a read by %s with an InvalidStoreInputError naming %s', async (_what, field, types) => {
    const store = await fresh()
    await seed(store)
    const options = { types } as unknown as ReadAllOptions
    expect(await rejection(store.readAll(options))).toMatchObject({ _tag: 'InvalidStoreInputError', field })
    expect(await rejection(store.readStoredAll(options))).toMatchObject({ _tag: 'InvalidStoreInputError', field })
  })
}
