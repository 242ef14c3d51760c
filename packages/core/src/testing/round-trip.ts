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
import { accountStream } from '../store/stream-id.js'
import { maxNameLength } from '../text.js'
import { acceptedAppendArbitrary, withUniqueEventIds } from './accepted-events.js'
import { account, cast, newEvent, tenant } from './fixtures.js'
import { collect } from './collect.js'

/* What was given, as it must come back: type, data, and the metadata the writer gave. */
const given = (e: NewEvent) => ({ type: e.type, data: e.data, metadata: e.metadata })
const got = (e: RecordedEvent, like: NewEvent) => ({
  type: e.type,
  data: e.data,
  metadata: Object.fromEntries(Object.keys(like.metadata).map((k) => [k, (e.metadata as unknown as Record<string, unknown>)[k]])),
})

/* Values at the edge of the codecs, each in an event of its own: refused, or given back as given. */
const edgeEvents = (): ReadonlyArray<NewEvent> => {
  const classified = (score: number) => newEvent({ type: 'AccountClassified', data: { accountId: account('kante'), tier: 'key', score, criteria: [], classifiedBy: cast.dora } })
  const opened = (displayName: string) => newEvent({ type: 'AccountOpened', data: { accountId: account('kante'), tenantId: tenant, displayName, tier: 'key', openedBy: cast.dora } })
  return [
    ...[-0, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 0.1 + 0.2].map(classified),
    ...['a\u0000b', 'a\u0001b', 'a\rb', 'a\ud800b', 'a\udc00b', '\ud83c\udfed Fabrik', 'Zeile\nZeile\tEnde', '€'.repeat(maxNameLength), 'x'.repeat(maxNameLength + 1)].map(opened),
  ]
}

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
        // Refused as bad input (the size limit, or one of the values no codec should take): fine,
        // as long as most appends are accepted.
        expect(appended.left).toMatchObject({ _tag: 'InvalidStoreInputError' })
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
  for (const [i, edge] of withUniqueEventIds(edgeEvents(), 'edge').entries()) {
    const appended = await store.append(accountStream(account('kante')), [edge], { expectedVersion: 'any' })
    if (E.isLeft(appended)) {
      expect(appended.left, `edge value ${i}`).toMatchObject({ _tag: 'InvalidStoreInputError' })
      continue
    }
    const [read] = await collect(store.readStream(accountStream(account('kante')), { from: appended.right.nextExpectedVersion }))
    expect(got(read!, edge), `edge value ${i}`).toStrictEqual(given(edge))
  }
  return accepted
}

/**
 * Register the round-trip property for a store: a fresh store from `open`, `runs` generated
 * appends, of which at least three in four are accepted (the rest refused as bad input).
 * @category testing
 * @since 0.2.0
 * @example
 * roundTripContract(async () => encryptingEventStore({ store: inMemoryEventStore(), keys }))
 */
export const roundTripContract = (open: () => Promise<EventStore>, runs = 60): void => {
  it('gives back deep-equal whatever an append accepts: ids of 128 characters, every Unicode plane, 2^53, empty and full lists', async () => {
    const store = await open()
    const accepted = await checkRoundTrip(store, runs)
    expect(accepted).toBeGreaterThanOrEqual(Math.floor(runs * 0.75))
  })
}
