/**
 * The round trip (invariant 11): whatever an append accepts reads back deep-equal — from the
 * append's answer, from `readStream` and from `readAll` — in every store. Part of the store
 * contract suite, and callable on its own for a store that decorates another (the encrypting
 * store of the DSGVO package).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { EventStore } from '../store/event-store.js'
import type { NewEvent, RecordedEvent } from '../store/recorded-event.js'
import { acceptedAppendArbitrary, withUniqueEventIds } from './accepted-events.js'

const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

/* What was given, as it must come back: type, data, and the metadata the writer gave. */
const given = (e: NewEvent) => ({ type: e.type, data: e.data, metadata: e.metadata })
const got = (e: RecordedEvent, like: NewEvent) => ({
  type: e.type,
  data: e.data,
  metadata: Object.fromEntries(Object.keys(like.metadata).map((k) => [k, (e.metadata as unknown as Record<string, unknown>)[k]])),
})

/**
 * Check the round trip on `store` for `runs` generated appends; event ids are made unique per run
 * so one store takes them all. Returns how many appends were accepted.
 * @category testing
 * @since 0.2.0
 */
export const checkRoundTrip = async (store: EventStore, runs = 60): Promise<number> => {
  let run = 0
  let accepted = 0
  await fc.assert(
    fc.asyncProperty(acceptedAppendArbitrary, async ({ streamId, events: generated }) => {
      run++
      const events = withUniqueEventIds(generated, String(run))
      const appended = await store.append(streamId, events, { expectedVersion: 'any' })
      if (E.isLeft(appended)) {
        // Only the size limit may refuse what the codecs accept.
        expect(appended.left).toMatchObject({ _tag: 'InvalidStoreInputError', reason: expect.stringMatching(/bytes serialised/) })
        return
      }
      accepted++
      const first = appended.right.events[0]!.metadata
      const fromStream = await collect(store.readStream(streamId, { from: first.streamVersion, to: appended.right.nextExpectedVersion }))
      const fromLog = await collect(store.readAll({ fromPosition: first.globalPosition, toPosition: appended.right.lastGlobalPosition }))
      for (const read of [appended.right.events, fromStream, fromLog]) {
        expect(read.map((e, i) => got(e, events[i]!))).toStrictEqual(events.map(given))
      }
    }),
    { numRuns: runs },
  )
  return accepted
}

/**
 * Register the round-trip property for a store: a fresh store from `open`, `runs` generated
 * appends, and at least nine in ten of them accepted (the rest only for their size).
 * @category testing
 * @since 0.2.0
 * @example
 * roundTripContract(async () => encryptingEventStore({ store: inMemoryEventStore(), keys }))
 */
export const roundTripContract = (open: () => Promise<EventStore>, runs = 60): void => {
  it('gives back deep-equal whatever an append accepts: ids of 128 characters, every Unicode plane, 2^53, empty and full lists', async () => {
    const store = await open()
    const accepted = await checkRoundTrip(store, runs)
    expect(accepted).toBeGreaterThanOrEqual(Math.floor(runs * 0.9))
  })
}
