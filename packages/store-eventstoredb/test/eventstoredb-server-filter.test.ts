import { accountStream, type DomainEventType, type EventStore, type NewEvent, type RecordedEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { openEventStoreDbEventStore } from '@account-ownership/store-eventstoredb'
import { EventStoreDBClient, START, eventTypeFilter } from '@eventstore/db-client'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { DoubleRecord } from './double/double-log.js'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'
import type { EsdbDouble } from './double/esdb-double.js'

// Reads of the log filtered on the server: what the store asks for, what crosses the wire (counted
// by the double as it writes), and that the answer is the unfiltered log filtered in memory —
// from the start and from every position a reader may resume at.
const opened: EventStore[] = []
afterEach(async () => {
  for (const store of opened.splice(0)) await closeStoreOnDouble(store)
})
const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}
const fresh = async () => {
  const subject = await storeOnDouble()
  opened.push(subject.store)
  return subject
}
/** The store as it read before: `$all` unfiltered, filtered as the pages arrive. */
const unfilteredOn = (double: EsdbDouble): EventStore => {
  const store = openEventStoreDbEventStore({ connectionString: double.connectionString, filterOnServer: false })
  if (E.isLeft(store)) throw store.left
  return store.right
}
const types: ReadonlyArray<DomainEventType> = ['AccountOpened', 'OwnershipAssigned', 'TeamMemberAdded', 'AccessGranted', 'AccountArchived']
const comparable = (e: RecordedEvent) => ({ type: e.type, eventId: e.metadata.eventId, p: e.metadata.globalPosition, data: e.data })
const ourPrefixes = ['account-', 'principal-', 'subject-']

/** Steps that build a log: the library's appends interleaved with other applications' and the server's own events. */
type Step =
  | { readonly kind: 'ours'; readonly account: number }
  | { readonly kind: 'foreign'; readonly count: number; readonly type: string }
  | { readonly kind: 'system'; readonly count: number }
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('ours' as const), account: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foreign' as const), count: fc.integer({ min: 1, max: 3 }), type: fc.constantFrom('OrderPlaced', 'AccountOpened') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('system' as const), count: fc.integer({ min: 1, max: 2 }) }) },
)

const eventsOf = (id: string): ReadonlyArray<NewEvent> => [
  ...openedAccountEvents(account(id)).map((e, i) => newEvent(e, { eventId: `${id}-${i}` })),
  newEvent({ type: 'AccountArchived', data: { accountId: account(id), reason: 'churned', archivedBy: 'dora' as never } }, { eventId: `${id}-archived` }),
]

const build = async (store: EventStore, double: EsdbDouble, steps: ReadonlyArray<Step>): Promise<void> => {
  const written = [0, 0, 0, 0]
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'foreign') double.write(`crm-${i}`, step.count, step.type)
    else if (step.kind === 'system') {
      double.write('$ce-account', step.count, '$>')
      double.write('$stats-127.0.0.1:2113', 1, '$statsCollected')
    } else {
      const id = `kunde-${step.account}`
      const next = written[step.account]!
      const event = eventsOf(id)[next]
      if (event === undefined) continue
      const appended = await store.append(accountStream(account(id)), [event], { expectedVersion: next === 0 ? 'no-stream' : BigInt(next - 1) })
      if (E.isLeft(appended)) throw appended.left
      written[step.account] = next + 1
    }
  }
}

/** What the server lets through, decided here from the records themselves, not by the double's filter. */
const passesServer = (record: DoubleRecord, skipped: ReadonlySet<string>): boolean =>
  record.streamId !== '$epoch-information' &&
  (skipped.size === 0 ? ourPrefixes.some((p) => record.streamId.startsWith(p)) : !record.type.startsWith('$') && !skipped.has(record.type))

const subscriptionTraffic = (double: EsdbDouble) => ({ events: double.traffic.sent.events, subscriptions: double.traffic.subscriptions.length })

describe('readAll filtered on the server', () => {
  it('asks for the types it does not skip, and the other types, links and statistics stay on the node', async () => {
    const { store, double } = await fresh()
    await build(store, double, [0, 1, 2].flatMap((a) => [0, 1, 2, 3].map((): Step => ({ kind: 'ours', account: a }))))
    double.write('orders-1', 6)
    double.write('$ce-account', 12, '$>')
    const before = subscriptionTraffic(double)
    const opened = await collect(store.readAll({ types: ['AccountOpened'] }))
    expect(opened.map((e) => e.metadata.streamId)).toEqual(['account-kunde-0', 'account-kunde-1', 'account-kunde-2'])
    expect(double.traffic.subscriptions.at(-1)!.filter).toMatchObject({ on: 'event-type', regex: expect.stringContaining('OwnershipAssigned') })
    // Three AccountOpened and, since the filter is on types, the other application's six orders:
    // 9 of the 31 records stored.
    expect(subscriptionTraffic(double)).toEqual({ events: before.events + 9, subscriptions: before.subscriptions + 1 })
    expect(double.log.records).toHaveLength(1 + 12 + 6 + 12)
  })

  it('asks for the store\'s streams by prefix when it reads every type, and nothing else crosses', async () => {
    const { store, double } = await fresh()
    await build(store, double, [0, 1].flatMap((a) => [0, 1, 2, 3].map((): Step => ({ kind: 'ours', account: a }))))
    double.write('orders-1', 6)
    double.write('$ce-account', 8, '$>')
    const before = double.traffic.sent.events
    expect(await collect(store.readAll())).toHaveLength(8)
    expect(double.traffic.subscriptions.at(-1)!.filter).toMatchObject({ on: 'stream-name', prefixes: ourPrefixes })
    expect(double.traffic.sent.events - before).toBe(8)
  })

  it('reads by type exactly what the unfiltered log filtered in memory holds, from the start and from every position a reader resumes at', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }),
        fc.subarray([...types], { minLength: 1 }),
        fc.constantFrom(1, 2, 3, 32, 500),
        fc.nat(),
        fc.boolean(),
        async (steps, wanted, batchSize, pick, pastIt) => {
          const { store, double } = await storeOnDouble()
          const reference = unfilteredOn(double)
          try {
            await build(store, double, steps)
            const all = await collect(reference.readAll())
            const skipped = new Set(types.filter((t) => !wanted.includes(t)))
            const inMemory = all.filter((e) => !skipped.has(e.type))
            const readTypes = wanted.length === types.length ? {} : { types: wanted }

            const sentBefore = double.traffic.sent.events
            expect((await collect(store.readAll({ ...readTypes, batchSize }))).map(comparable)).toEqual(inMemory.map(comparable))
            const passing = double.log.records.filter((r) => passesServer(r, skipped))
            expect(double.traffic.sent.events - sentBefore).toBe(passing.length)
            expect(passing.length).toBeLessThanOrEqual(double.log.records.length)

            // Resuming at any record of the log — the library's, a skipped type's, another
            // application's, a link — at its own position or one past it (a checkpoint).
            const record = double.log.records[pick % double.log.records.length]!
            const fromPosition = record.offset * 2n + (pastIt ? 1n : 0n)
            if (fromPosition === 0n) return
            const rest = await collect(store.readAll({ ...readTypes, batchSize, fromPosition }))
            expect(rest.map(comparable)).toEqual(inMemory.filter((e) => e.metadata.globalPosition >= fromPosition).map(comparable))
          } finally {
            await reference.close()
            await closeStoreOnDouble(store)
          }
        },
      ),
      { numRuns: 30 },
    )
  })

  it('ends its subscription when the reader stops early', async () => {
    const { store, double } = await fresh()
    await build(store, double, [0, 0, 0, 0, 1, 1].map((a): Step => ({ kind: 'ours', account: a })))
    for await (const event of store.readAll({ types: ['OwnershipAssigned'], batchSize: 1 })) {
      expect(event.type).toBe('OwnershipAssigned')
      break
    }
    await expect.poll(() => double.log.written.size).toBe(0)
  })

  it('reads as before, unfiltered and page by page, with filterOnServer: false (servers before 23.10)', async () => {
    const { store, double } = await fresh()
    await build(store, double, [0, 0, 0, 0].map((a): Step => ({ kind: 'ours', account: a })))
    double.write('orders-1', 3)
    const reference = unfilteredOn(double)
    const before = { ...double.traffic.read, subscriptions: double.traffic.subscriptions.length }
    expect((await collect(reference.readAll({ types: ['AccessGranted'] }))).map((e) => e.type)).toEqual(['AccessGranted'])
    expect(double.traffic.subscriptions).toHaveLength(before.subscriptions)
    expect(double.traffic.read.events - before.events).toBe(double.log.records.length)
    await reference.close()
  })
})

describe('the double\'s filtered subscription, as the server serves one', () => {
  type Position = { readonly commit: bigint; readonly prepare: bigint }
  const after = (a: Position, b: Position) => a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare)
  const subscribe = async (connectionString: string, fromPosition: Position | typeof START) => {
    const client = EventStoreDBClient.connectionString(connectionString)
    const events: bigint[] = []
    const checkpoints: Position[] = []
    const subscription = client.subscribeToAll({
      fromPosition,
      filter: eventTypeFilter({ regex: '^Access', maxSearchWindow: 3, checkpointInterval: 2, checkpointReached: (_s, p) => void checkpoints.push(p) }),
    })
    await new Promise<void>((resolve, reject) => {
      subscription.on('data', (e: { event?: { position: Position } }) => events.push(e.event!.position.commit))
      subscription.on('caughtUp', () => resolve())
      subscription.on('error', reject)
    })
    await subscription.unsubscribe()
    await client.dispose()
    return { events, checkpoints }
  }

  it('sends the passing events, a checkpoint each interval of considered events and one at the end, then caughtUp; resumed from any checkpoint it sends exactly the passing events after it', async () => {
    const { store, double } = await fresh()
    await build(store, double, [0, 1, 2, 3].flatMap((a) => [0, 1, 2, 3, 4].map((): Step => ({ kind: 'ours', account: a }))))
    double.write('orders-1', 7)
    double.write('crm-1', 2, 'AccessReviewed')
    const passing = (from: Position | undefined) =>
      double.log.records.filter((r) => r.type.startsWith('Access') && (from === undefined || after({ commit: r.offset, prepare: r.offset }, from))).map((r) => r.offset)

    const { events, checkpoints } = await subscribe(double.connectionString, START)
    expect(events).toEqual(passing(undefined))
    expect(events).toHaveLength(4 + 2)
    // 28 records considered, windows of 3, a checkpoint every second window: at least 28 / 6.
    expect(checkpoints.length).toBeGreaterThanOrEqual(Math.floor(double.log.records.length / 6))
    for (const [i, c] of checkpoints.entries()) if (i > 0) expect(after(c, checkpoints[i - 1]!)).toBe(true)
    expect(checkpoints.at(-1)!.commit).toBeGreaterThanOrEqual(events.at(-1)!)
    for (const checkpoint of checkpoints) expect((await subscribe(double.connectionString, checkpoint)).events).toEqual(passing(checkpoint))
  })
})
