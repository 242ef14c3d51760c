import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountStream, evolve, fold, inMemoryEventStore, initialAccountState, type AccountEvent, type AccountState, type RecordedEvent } from '@account-ownership/core'
import { commandSequenceArbitrary, newEvent, recordedEvents, runCommandSequence } from '@account-ownership/core/testing'

const decider = { evolve }
const eventsOf = fc.tuple(commandSequenceArbitrary(), fc.array(fc.nat(), { maxLength: 6 })).map(([sequence, cuts]) => {
  const events = recordedEvents(runCommandSequence(sequence))
  const at = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b)
  const batches = [0, ...at].map((from, i) => events.slice(from, [...at, events.length][i]))
  return { accountId: sequence.accountId, events, batches }
})

const collect = async (it: AsyncIterable<RecordedEvent>): Promise<AccountEvent[]> => {
  const out: AccountEvent[] = []
  for await (const e of it) out.push(e as unknown as AccountEvent)
  return out
}

describe('invariant 7: folding the events in one pass, or in any split into batches, gives the same state', () => {
  it('invariant 7: folding batch after batch gives the state of one pass', () => {
    fc.assert(
      fc.property(eventsOf, ({ events, batches }) => {
        const onePass = fold(decider, initialAccountState, events)
        const batched = batches.reduce<AccountState>((s, batch) => fold(decider, s, batch), initialAccountState)
        expect(batched).toEqual(onePass)
      }),
      { numRuns: 300 },
    )
  })

  it('invariant 7: folding further leaves the state of an earlier batch as it was', () => {
    fc.assert(
      fc.property(eventsOf, ({ batches }) => {
        let state = initialAccountState
        for (const batch of batches) {
          const before = structuredClone(state)
          const next = fold(decider, state, batch)
          expect(state).toEqual(before)
          state = next
        }
      }),
      { numRuns: 300 },
    )
  })

  it('invariant 7: the events read back from the in-memory store, in any batch size and any windows of the log, fold to the same state', async () => {
    await fc.assert(
      fc.asyncProperty(eventsOf, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 9 }), async ({ accountId, events, batches }, batchSize, window) => {
        const store = inMemoryEventStore()
        const stream = accountStream(accountId)
        for (const batch of batches.filter((b) => b.length > 0)) {
          const appended = await store.append(stream, batch.map((e) => newEvent(e)), { expectedVersion: 'any' })
          expect(E.isRight(appended)).toBe(true)
        }
        const onePass = fold(decider, initialAccountState, events)
        expect(fold(decider, initialAccountState, await collect(store.readStream(stream, { batchSize })))).toEqual(onePass)
        expect(fold(decider, initialAccountState, await collect(store.readAll({ batchSize })))).toEqual(onePass)
        let state = initialAccountState
        for (let from = 1n; from <= BigInt(events.length); from += BigInt(window)) {
          state = fold(decider, state, await collect(store.readAll({ fromPosition: from, toPosition: from + BigInt(window) - 1n, batchSize })))
        }
        expect(state).toEqual(onePass)
      }),
      { numRuns: 200 },
    )
  })
})
