/**
 * The event store contract: the one suite every adapter runs, unchanged. Call it from one test
 * file per adapter with a factory that opens a fresh, empty store; it registers vitest tests.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountEvent } from '../account/account-event.js'
import type { EventStore } from '../store/event-store.js'
import type { ExpectedVersion } from '../store/expected-version.js'
import type { NewEvent, RecordedEvent } from '../store/recorded-event.js'
import { accountStream, type StreamId } from '../store/stream-id.js'
import { chainHash, genesisHash } from '../store/event-chain.js'
import { checkLink } from '../store/verified-read.js'
import { readAllPages } from '../store/read-all-pages.js'
import { account, newEvent, openedAccountEvents } from './fixtures.js'
import { filteredReadContract } from './filtered-read.js'
import { roundTripContract } from './round-trip.js'
import { collect, rejection } from './collect.js'

/**
 * How the contract gets a store: a fresh, empty one per test, and how to dispose of it.
 * @category testing
 * @since 0.1.0
 */
export interface StoreContractSubject {
  /** Opens a fresh, empty store; called once per test. */
  readonly open: () => Promise<EventStore>
  /** Called after each test with the store `open` returned; closes it and removes its files. */
  readonly dispose?: (store: EventStore) => Promise<void>
  /**
   * Global positions are 1, 2, 3, … without gaps; `false` where the backend assigns increasing
   * positions of its own (EventStoreDB's log offsets), and the suite then reads the positions it
   * uses from the log. `true` by default.
   * @since 0.2.0
   */
  readonly contiguousPositions?: boolean
  /**
   * Where an event id must be unique: `'log'` (by default) refuses an id recorded in any stream;
   * `'stream'` only in the stream appended to, where the backend keeps no index by event id
   * (EventStoreDB).
   * @since 0.2.0
   */
  readonly eventIdScope?: 'log' | 'stream'
}

const batch = (accountId = 'kunde-1', prefix = 'e'): NewEvent[] =>
  openedAccountEvents(account(accountId)).map((e, i) => newEvent(e, { eventId: `${prefix}-${accountId}-${i}` }))

const comparable = (e: RecordedEvent) => ({ type: e.type, data: e.data, eventId: e.metadata.eventId, v: e.metadata.streamVersion, p: e.metadata.globalPosition })

/**
 * Register the contract suite for one adapter.
 * @category testing
 * @since 0.1.0
 * @example
 * eventStoreContract('sqlite', { open: async () => sqliteEventStore({ path: tmpFile() }), dispose: (s) => s.close() })
 */
export const eventStoreContract = (name: string, subject: StoreContractSubject): void => {
  describe(`event store contract: ${name}`, () => {
    const opened: EventStore[] = []
    const fresh = async () => {
      const store = await subject.open()
      opened.push(store)
      return store
    }
    afterEach(async () => {
      for (const store of opened.splice(0)) await (subject.dispose ?? ((s: EventStore) => s.close()))(store)
    })

    describe('round trip (invariant 11)', () => roundTripContract(fresh))
    describe('read by event type', () => filteredReadContract(fresh))
    const contiguous = subject.contiguousPositions ?? true
    const expectPositions = (positions: ReadonlyArray<bigint>, count: number) => {
      expect(positions).toHaveLength(count)
      if (contiguous) expect(positions).toEqual(Array.from({ length: count }, (_, i) => BigInt(i + 1)))
      else positions.forEach((p, i) => expect(p).toBeGreaterThan(i === 0 ? 0n : positions[i - 1]!))
    }
    const streamA = accountStream(account('kunde-1'))
    const appendOk = async (store: EventStore, streamId: StreamId, events: NewEvent[], expectedVersion: ExpectedVersion) => {
      const result = await store.append(streamId, events, { expectedVersion })
      if (E.isLeft(result)) throw result.left
      return result.right
    }

    describe('append', () => {
      it('numbers a new stream from version 0 and the log from position 1', async () => {
        const store = await fresh()
        const result = await appendOk(store, streamA, batch(), 'no-stream')
        expect(result.nextExpectedVersion).toBe(3n)
        expect(result.events.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n, 2n, 3n])
        const positions = result.events.map((e) => e.metadata.globalPosition)
        expectPositions(positions, 4)
        expect(result.lastGlobalPosition).toBe(positions[3])
        expect(await store.streamVersion(streamA)).toEqual(E.right(3n))
        expect(await store.headPosition()).toEqual(E.right(positions[3]))
      })

      it('records type, data and metadata as given, and adds stream, version, position and recordedAt', async () => {
        const store = await fresh()
        const events = batch()
        const [first] = (await appendOk(store, streamA, events.slice(0, 1), 'no-stream')).events
        const [read] = await collect(store.readStream(streamA))
        for (const recorded of [first!, read!]) {
          expect(recorded.type).toBe(events[0]!.type)
          expect(recorded.data).toEqual(events[0]!.data)
          expect(recorded.metadata).toMatchObject(events[0]!.metadata)
          expect(recorded.metadata.streamId).toBe(streamA)
          expect(recorded.metadata.schemaVersion).toBe(1)
          expect(recorded.metadata.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
        }
      })

      it('keeps only the fields the codecs name, in the answer and in the log', async () => {
        const store = await fresh()
        const [event] = batch()
        const padded = { ...event!, extra: 1, data: { ...event!.data, nickname: 'Hanni' }, metadata: { ...event!.metadata, ip: '10.0.0.1' } } as unknown as NewEvent
        const [answered] = (await appendOk(store, streamA, [padded], 'no-stream')).events
        const [read] = await collect(store.readStream(streamA))
        for (const recorded of [answered!, read!]) {
          expect(recorded.data).toEqual(event!.data)
          expect(recorded).not.toHaveProperty('extra')
          expect(recorded.metadata).not.toHaveProperty('ip')
        }
      })

      it.each<[ExpectedVersion, boolean]>([
        ['no-stream', true],
        ['exists', false],
        ['any', true],
        [0n, false],
      ])('on a missing stream, expected %s succeeds: %s', async (expected, ok) => {
        const store = await fresh()
        const result = await store.append(streamA, batch(), { expectedVersion: expected })
        if (ok) expect(E.isRight(result)).toBe(true)
        else expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'ConcurrencyError', streamId: streamA, expected, actual: 'no-stream' })))
      })

      it.each<[ExpectedVersion, boolean]>([
        ['no-stream', false],
        ['exists', true],
        ['any', true],
        [3n, true],
        [2n, false],
        [4n, false],
      ])('on a stream at version 3, expected %s succeeds: %s', async (expected, ok) => {
        const store = await fresh()
        await appendOk(store, streamA, batch(), 'no-stream')
        const more = [newEvent({ type: 'AccountArchived', data: { accountId: account(), reason: 'churned', archivedBy: 'dora' as never } })]
        const result = await store.append(streamA, more, { expectedVersion: expected })
        if (ok) {
          expect(result).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 4n })))
        } else {
          expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'ConcurrencyError', expected, actual: 3n })))
          expect(await store.streamVersion(streamA)).toEqual(E.right(3n))
        }
      })

      it('lets exactly one of two racing appends with the same expected version win', async () => {
        const store = await fresh()
        await appendOk(store, streamA, batch().slice(0, 1), 'no-stream')
        const racers = [0, 1, 2, 3].map((i) =>
          store.append(streamA, [newEvent({ type: 'TeamMemberAdded', data: { accountId: account(), principalId: `p${i}` as never, role: 'sales', addedBy: 'dora' as never } })], { expectedVersion: 0n }),
        )
        const results = await Promise.all(racers)
        expect(results.filter(E.isRight)).toHaveLength(1)
        expect(results.filter(E.isLeft).map((r) => r.left._tag)).toEqual(['ConcurrencyError', 'ConcurrencyError', 'ConcurrencyError'])
        expect(await collect(store.readStream(streamA))).toHaveLength(2)
      })

      it('is idempotent by event id: the same append twice records once and answers the same', async () => {
        const store = await fresh()
        const events = batch()
        const first = await appendOk(store, streamA, events, 'no-stream')
        const again = await store.append(streamA, events, { expectedVersion: 'no-stream' })
        expect(E.isRight(again)).toBe(true)
        if (E.isRight(again)) {
          expect(again.right.nextExpectedVersion).toBe(first.nextExpectedVersion)
          expect(again.right.events.map(comparable)).toEqual(first.events.map(comparable))
        }
        expect(await collect(store.readStream(streamA))).toHaveLength(4)
        expect(await store.headPosition()).toEqual(E.right(first.lastGlobalPosition))
      })

      it('refuses an event id recorded in another stream or in another place, writing nothing', async () => {
        const store = await fresh()
        const events = batch()
        const first = await appendOk(store, streamA, events, 'no-stream')
        const streamB = accountStream(account('kunde-2'))
        // Where ids are unique per stream only, the id comes back in another place of its own stream.
        const target = (subject.eventIdScope ?? 'log') === 'log' ? streamB : streamA
        const reused = [...batch('kunde-2').slice(0, 1), { ...batch('kunde-2')[1]!, metadata: events[1]!.metadata }]
        const result = await store.append(target, reused, { expectedVersion: 'any' })
        expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'DuplicateEventError', eventId: events[1]!.metadata.eventId })))
        expect(await collect(store.readStream(target))).toHaveLength(target === streamA ? 4 : 0)
        expect(await store.headPosition()).toEqual(E.right(first.lastGlobalPosition))
      })

      it('writes a batch all or nothing: one bad event refuses the whole batch, naming its field', async () => {
        const store = await fresh()
        const events = batch()
        const bad = [...events.slice(0, 2), { ...events[2]!, data: { ...events[2]!.data, role: 'janitor' } } as unknown as NewEvent]
        const result = await store.append(streamA, bad, { expectedVersion: 'no-stream' })
        expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'events[2].data.role' })))
        expect(await store.streamVersion(streamA)).toEqual(E.right('no-stream'))
        expect(await store.headPosition()).toEqual(E.right(0n))
      })

      it.each<[string, () => [unknown, unknown, unknown]]>([
        ['streamId', () => ['not a stream', batch(), { expectedVersion: 'any' }]],
        ['expectedVersion', () => [streamA, batch(), { expectedVersion: -1n }]],
        ['expectedVersion', () => [streamA, batch(), { expectedVersion: 3 }]],
        ['events', () => [streamA, [], { expectedVersion: 'any' }]],
        ['events[0].metadata.eventId', () => [streamA, [{ ...batch()[0]!, metadata: { ...batch()[0]!.metadata, eventId: '' } }], { expectedVersion: 'any' }]],
        ['events[0].type', () => [streamA, [{ ...batch()[0]!, type: 'AccountExploded' }], { expectedVersion: 'any' }]],
        ['events[1].metadata.eventId', () => [streamA, [batch()[0]!, batch()[0]!], { expectedVersion: 'any' }]],
      ])('refuses bad input naming %s, writing nothing', async (field, args) => {
        const store = await fresh()
        const [streamId, events, options] = args()
        const result = await store.append(streamId as StreamId, events as NewEvent[], options as { expectedVersion: ExpectedVersion })
        expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
        expect(await store.headPosition()).toEqual(E.right(0n))
      })
    })

    it.each<[string, unknown]>([
      ['a malformed stream id', 'Kunde 1'],
      ['no stream id', undefined],
      ['a number', 42],
    ])('answers streamVersion of %s with an InvalidStoreInputError naming streamId', async (_what, streamId) => {
      const store = await fresh()
      expect(await store.streamVersion(streamId as StreamId)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'streamId' })))
    })

    describe('read', () => {
      const seed = async (store: EventStore) => {
        // Interleave three streams so that stream order and global order differ.
        const streams = ['kunde-1', 'kunde-2', 'kunde-3'].map((id) => ({ id: accountStream(account(id)), events: batch(id) }))
        for (let i = 0; i < 4; i++) {
          for (const s of streams) await appendOk(store, s.id, [s.events[i]!], i === 0 ? 'no-stream' : BigInt(i - 1))
        }
        return streams
      }

      it('reads a stream in version order, from and to inclusive, in any batch size', async () => {
        const store = await fresh()
        await seed(store)
        for (const batchSize of [1, 2, 3, 500]) {
          const all = await collect(store.readStream(streamA, { batchSize }))
          expect(all.map((e) => e.metadata.streamVersion)).toEqual([0n, 1n, 2n, 3n])
          expect(all.every((e) => e.metadata.streamId === streamA)).toBe(true)
          const part = await collect(store.readStream(streamA, { from: 1n, to: 2n, batchSize }))
          expect(part.map((e) => e.metadata.streamVersion)).toEqual([1n, 2n])
        }
      })

      it('reads a missing stream as empty', async () => {
        const store = await fresh()
        expect(await collect(store.readStream(accountStream(account('nobody'))))).toEqual([])
        expect(await store.streamVersion(accountStream(account('nobody')))).toEqual(E.right('no-stream'))
      })

      it('reads the whole log in global order, from and to a position, in any batch size', async () => {
        const store = await fresh()
        await seed(store)
        const p = (await collect(store.readAll())).map((e) => e.metadata.globalPosition)
        expectPositions(p, 12)
        for (const batchSize of [1, 5, 500]) {
          const all = await collect(store.readAll({ batchSize }))
          expect(all.map((e) => e.metadata.globalPosition)).toEqual(p)
          expect(all.slice(0, 3).map((e) => e.metadata.streamId)).toEqual(['account-kunde-1', 'account-kunde-2', 'account-kunde-3'])
          const tail = await collect(store.readAll({ fromPosition: p[10]!, batchSize }))
          expect(tail.map((e) => e.metadata.globalPosition)).toEqual(p.slice(10))
          const window = await collect(store.readAll({ fromPosition: p[3]!, toPosition: p[5]!, batchSize }))
          expect(window.map((e) => e.metadata.globalPosition)).toEqual(p.slice(3, 6))
          // A checkpoint moves on from the last event it applied: one past it.
          const after = await collect(store.readAll({ fromPosition: p[2]! + 1n, toPosition: p[4]!, batchSize }))
          expect(after.map((e) => e.metadata.globalPosition)).toEqual(p.slice(3, 5))
        }
        expect(await collect(store.readAll({ fromPosition: p[11]! + 1n }))).toEqual([])
      })

      it('sees what was appended while a read was under way, or not, but never a part of a batch', async () => {
        const store = await fresh()
        await appendOk(store, streamA, batch(), 'no-stream')
        const seen: bigint[] = []
        for await (const e of store.readAll({ batchSize: 1 })) {
          seen.push(e.metadata.globalPosition)
          if (seen.length === 1) await appendOk(store, accountStream(account('kunde-9')), batch('kunde-9'), 'no-stream')
        }
        expect([4, 8]).toContain(seen.length)
        expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)))
      })

      it.each<[string, (s: EventStore) => AsyncIterable<unknown>]>([
        ['streamId', (s) => s.readStream('nope' as StreamId)],
        ['from', (s) => s.readStream(streamA, { from: -1n })],
        ['batchSize', (s) => s.readStream(streamA, { batchSize: 0 })],
        ['fromPosition', (s) => s.readAll({ fromPosition: 1 as unknown as bigint })],
        ['batchSize', (s) => s.readAll({ batchSize: 1.5 })],
        ['verifyHashes', (s) => s.readAll({ verifyHashes: 'yes' as unknown as boolean })],
        ['options', (s) => s.readAll(null as unknown as undefined)],
        ['fromPosition', (s) => s.readStoredAll({ fromPosition: -1n })],
        ['batchSize', (s) => readAllPages(s, { batchSize: 0 })],
        ['types', (s) => readAllPages(s, { types: [] })],
      ])('rejects a read with a bad %s', async (field, read) => {
        const store = await fresh()
        expect(await rejection(read(store))).toMatchObject({ _tag: 'InvalidStoreInputError', field })
      })

      it('reads every stored row in global order with its chain link: hash over its bytes and its predecessor\'s hash', async () => {
        const store = await fresh()
        await seed(store)
        const events = await collect(store.readAll())
        for (const batchSize of [1, 5, 500]) {
          const rows = await collect(store.readStoredAll({ batchSize }))
          expect(rows.map((r) => r.globalPosition)).toEqual(events.map((e) => e.metadata.globalPosition))
          const hashOf = new Map<string, string>()
          for (const [i, row] of rows.entries()) {
            const event = events[i]!
            expect([row.eventId, row.streamId, row.streamVersion, row.type]).toEqual([event.metadata.eventId, event.metadata.streamId, event.metadata.streamVersion, event.type])
            expect(JSON.parse(row.data)).toEqual(event.data)
            expect(row.recordedAt).toBe(event.metadata.recordedAt)
            expect(row.previousHash).toBe(row.streamVersion === 0n ? genesisHash : hashOf.get(`${row.streamId}@${row.streamVersion - 1n}`))
            expect(row.hash).toBe(chainHash(row.previousHash!, row))
            hashOf.set(`${row.streamId}@${row.streamVersion}`, row.hash!)
          }
        }
        const p = events.map((e) => e.metadata.globalPosition)
        const window = await collect(store.readStoredAll({ fromPosition: p[4]!, toPosition: p[6]! }))
        expect(window.map((r) => r.globalPosition)).toEqual(p.slice(4, 7))
        expect(window.every((r) => E.isRight(checkLink(r)))).toBe(true)
      })

      it('reads with hashes verified the same events as without, from any position', async () => {
        const store = await fresh()
        await seed(store)
        const sixth = (await collect(store.readAll()))[5]!.metadata.globalPosition
        for (const fromPosition of [1n, sixth]) {
          const plain = await collect(store.readAll({ fromPosition }))
          const verified = await collect(store.readAll({ fromPosition, verifyHashes: true, batchSize: 2 }))
          expect(verified.map(comparable)).toEqual(plain.map(comparable))
        }
      })

      it('keeps every event of a long stream, in order, through batch boundaries', async () => {
        const store = await fresh()
        const [opened] = batch()
        await appendOk(store, streamA, [opened!], 'no-stream')
        let version = 0n
        for (let i = 0; i < 25; i++) {
          const events = Array.from({ length: 8 }, (_, j) =>
            newEvent({ type: 'AccountClassified', data: { accountId: account(), tier: 'standard', score: i * 8 + j, criteria: ['umsatz'], classifiedBy: 'dora' as never } } satisfies AccountEvent),
          )
          version = (await appendOk(store, streamA, events, version)).nextExpectedVersion
        }
        const read = await collect(store.readStream(streamA, { batchSize: 7 }))
        expect(read).toHaveLength(201)
        expect(read.slice(1).map((e) => (e.data as { score: number }).score)).toEqual(Array.from({ length: 200 }, (_, i) => i))
      })
    })
  })
}
