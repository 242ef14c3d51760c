import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { accountStream, inMemoryEventStore, maxEventBytes, type EventStore, type NewEvent, type StreamId } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'

const stream = accountStream(account())
const [opened] = openedAccountEvents()
const classified = (criteria: ReadonlyArray<string>) =>
  newEvent({ type: 'AccountClassified', data: { accountId: account(), tier: 'key', score: 1, criteria, classifiedBy: 'dora' as never } })

const rejection = async (read: () => AsyncIterable<unknown>): Promise<unknown> => {
  try {
    for await (const _ of read()) void _
  } catch (e) {
    return e
  }
  return undefined
}

const appendOf = async (store: EventStore, events: unknown, options: unknown = { expectedVersion: 'any' }) =>
  store.append(stream, events as NewEvent[], options as { expectedVersion: 'any' })

describe('bad input to a store is a typed error value, never a throw', () => {
  it.each<[string, unknown, string]>([
    ['[null]', [null], 'events[0]'],
    ['[42]', [42], 'events[0]'],
    ['null', null, 'events'],
    ['an event whose getter throws', [Object.defineProperty({ ...newEvent(opened!) }, 'data', { get: () => { throw new Error('boom') }, enumerable: true })], 'events[0]'],
  ])('append(s, %s) names %s and writes nothing', async (_what, events, field) => {
    const store = inMemoryEventStore()
    expect(await appendOf(store, events)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field })))
    expect(await store.headPosition()).toEqual(E.right(0n))
  })

  it.each(['2026-02-30T09:00:00.000Z', '2026-04-31T09:00:00.000Z', '2025-02-29T09:00:00.000Z', '2026-03-12T09:60:00.000Z'])(
    'refuses an event dated %s, a moment no calendar has, naming its metadata.occurredAt, and writes nothing',
    async (occurredAt) => {
      const store = inMemoryEventStore()
      const event = newEvent(opened!)
      const appended = await appendOf(store, [{ ...event, metadata: { ...event.metadata, occurredAt } }])
      expect(E.isLeft(appended) && appended.left._tag === 'InvalidStoreInputError' && appended.left.message).toContain('metadata.occurredAt')
      expect(await store.headPosition()).toEqual(E.right(0n))
      // A leap day that exists is an instant like any other.
      expect(E.isRight(await appendOf(store, [{ ...event, metadata: { ...event.metadata, occurredAt: '2024-02-29T09:00:00.000Z' } }]))).toBe(true)
    },
  )

  it('append with options null or a string is refused naming options', async () => {
    const store = inMemoryEventStore()
    for (const options of [null, 'any']) expect(await appendOf(store, [newEvent(opened!)], options)).toEqual(E.left(expect.objectContaining({ field: 'options' })))
  })

  it('reports every problem of every event at once, each path in the message', async () => {
    const bad = [
      { ...newEvent(opened!), data: { ...opened!.data, accountId: 'a b', displayName: 'x\u0000' } },
      { ...newEvent(opened!), metadata: { ...newEvent(opened!).metadata, occurredAt: 'yesterday' } },
    ]
    const result = await appendOf(inMemoryEventStore(), bad)
    if (E.isRight(result) || result.left._tag !== 'InvalidStoreInputError') throw new Error('expected InvalidStoreInputError')
    expect(result.left.problems.map((p) => p.field)).toEqual(['events[0].data.accountId', 'events[0].data.displayName', 'events[1].metadata.occurredAt'])
    for (const field of ['events[0].data.accountId', 'events[0].data.displayName', 'events[1].metadata.occurredAt']) expect(result.left.message).toContain(field)
    expect(result.left.field).toBe('events[0].data.accountId')
  })

  it(`refuses one event over ${maxEventBytes} bytes and a list over 100 entries, writing nothing`, async () => {
    const store = inMemoryEventStore()
    expect(E.isRight(await appendOf(store, [newEvent(opened!)]))).toBe(true)
    const big = await appendOf(store, [classified(Array.from({ length: 40 }, () => 'k'.repeat(2000)))])
    expect(big).toEqual(E.left(expect.objectContaining({ field: 'events[0]', reason: expect.stringMatching(/at most 65536 bytes/) })))
    const long = await appendOf(store, [classified(Array.from({ length: 101 }, () => 'k'))])
    expect(long).toEqual(E.left(expect.objectContaining({ field: 'events[0].data.criteria' })))
    expect(E.isRight(await appendOf(store, [classified(Array.from({ length: 100 }, () => 'k'))]))).toBe(true)
    expect(await store.headPosition()).toEqual(E.right(2n))
  })

  it('readAll(null) and readStream(s, null) reject with an InvalidStoreInputError, not a TypeError', async () => {
    const store = inMemoryEventStore()
    expect(await rejection(() => store.readAll(null as never))).toMatchObject({ _tag: 'InvalidStoreInputError', field: 'options' })
    expect(await rejection(() => store.readStream(stream, null as never))).toMatchObject({ _tag: 'InvalidStoreInputError', field: 'options' })
    expect(await rejection(() => store.readStream(null as unknown as StreamId))).toMatchObject({ _tag: 'InvalidStoreInputError', field: 'streamId' })
  })

  it('never repeats a stream id of 10,000 characters', async () => {
    const result = await inMemoryEventStore().append(('account-' + 'x'.repeat(10_000)) as StreamId, [newEvent(opened!)], { expectedVersion: 'any' })
    expect(E.isLeft(result) && result.left.message.length).toBeLessThan(300)
  })
})
