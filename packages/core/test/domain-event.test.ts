import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountStream, decodeDomainEvent, domainEventCodecs, inMemoryEventStore, type NewEvent } from '@account-ownership/core'
import { account, commandSequenceArbitrary, invalidMessageArbitrary, newEvent, recordedEvents, runCommandSequence } from '@account-ownership/core/testing'

/* Events as the domain records them, from generated command sequences. */
const events = commandSequenceArbitrary()
  .map((sequence) => recordedEvents(runCommandSequence(sequence)))
  .filter((es) => es.length > 0)
  .chain((es) => fc.constantFrom(...es))

describe('bad input: an event that fails its codec', () => {
  it('is refused by decodeDomainEvent naming the field (missing, wrong type, empty, unknown word, unknown type)', () => {
    fc.assert(
      fc.property(invalidMessageArbitrary(events, domainEventCodecs), ({ input, field }) => {
        const decoded = decodeDomainEvent()(input)
        expect(E.isLeft(decoded) && decoded.left.field).toBe(field)
      }),
      { numRuns: 500 },
    )
  })

  it('is refused by a store append as an InvalidStoreInputError naming the field within the batch, and nothing is appended', async () => {
    const store = inMemoryEventStore()
    await fc.assert(
      fc.asyncProperty(invalidMessageArbitrary(events, domainEventCodecs), events, async ({ input, field }, valid) => {
        const batch = [newEvent(valid), { ...newEvent(valid), ...(input as object) } as NewEvent]
        const appended = await store.append(accountStream(account()), batch, { expectedVersion: 'any' })
        expect(appended).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: `events[1].${field}` })))
      }),
    )
    expect(await store.headPosition()).toEqual(E.right(0n))
  })

  it('names the field of metadata that fails its codec', async () => {
    const store = inMemoryEventStore()
    const event = newEvent({ type: 'AccountRestored', data: { accountId: account(), restoredBy: 'dora' as never } })
    const appended = await store.append(accountStream(account()), [{ ...event, metadata: { ...event.metadata, occurredAt: '2026-02-30T09:00Z' as never } }], { expectedVersion: 'any' })
    expect(appended).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'events[0].metadata.occurredAt' })))
  })
})
