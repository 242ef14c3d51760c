// The access log: every decision an event in the day's accesslog- stream, written in batches.
import { accessLog, accessLogStream, type AccessLog } from '@account-ownership/access-control'
import { inMemoryEventStore, StoreUnavailableError, type EventStore, type Instant, type RecordedEvent } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decisionAt } from '../support/decisions.js'
import { scratchFiles } from '../support/scratch-dir.js'

const file = scratchFiles('log')

// The store, with a count of the appends it was asked for.
const counting = (store: EventStore): EventStore & { readonly appends: () => number } => {
  let appends = 0
  return Object.assign(Object.create(store) as EventStore, {
    append: (...args: Parameters<EventStore['append']>) => (appends++, store.append(...args)),
    appends: () => appends,
  })
}

const logOn = (store: EventStore, options: Partial<Parameters<typeof accessLog>[0]> = {}): AccessLog => {
  const log = accessLog({ store, ...options })
  if (E.isLeft(log)) throw log.left
  return log.right
}

const streamOf = async (store: EventStore, stream: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = []
  for await (const e of store.readStream(stream as never)) events.push(e)
  return events
}

describe('the access log', () => {
  it('records 1,000 concurrent decisions in a few appends to the day stream, each with its metadata, on a SQLite file', async () => {
    const opened = openSqliteEventStore({ path: file('log.db') })
    if (E.isLeft(opened)) throw opened.left
    const store = counting(opened.right)
    const log = logOn(store, { maxBatch: 128 })
    const decisions = Array.from({ length: 1000 }, (_, i) => decisionAt('2026-03-12T10:00:00Z', i))
    const outcomes = await Promise.all(decisions.map((d, i) => log.record(d, { tenantId: 'acme-de', correlationId: `req-${i}` })))
    expect(outcomes.every(E.isRight)).toBe(true)
    // Concurrent decisions share appends: at most one per full batch, and one more for a rest.
    expect(store.appends()).toBeLessThanOrEqual(Math.ceil(1000 / 128) + 1)

    const events = await streamOf(store, 'accesslog-2026-03-12')
    expect(events).toHaveLength(1000)
    const byCorrelation = new Map(events.map((e) => [e.metadata.correlationId as string, e]))
    decisions.forEach((d, i) => {
      const e = byCorrelation.get(`req-${i}`)!
      expect(e.type).toBe('AccessDecided')
      expect(e.data).toEqual({ accountId: d.request.accountId, principalId: d.request.principalId, action: 'read', purpose: 'customer-support', outcome: d.outcome, reason: d.reason, grantId: null, legalBasis: null, grantExpiresAt: null, teamRole: null })
      expect(e.metadata).toMatchObject({ occurredAt: '2026-03-12T10:00:00.000Z', actor: { principalId: d.request.principalId }, tenantId: 'acme-de', causationId: `req-${i}` })
    })
    // What record answered is what was recorded.
    expect(outcomes.map((o) => E.isRight(o) && o.right.metadata.globalPosition).sort((a, b) => Number(a) - Number(b))).toEqual(events.map((e) => e.metadata.globalPosition))
    await store.close()
  })

  it('keeps decisions of different days, and of different writers, in streams of their own', async () => {
    const store = inMemoryEventStore()
    const first = logOn(store, { writer: 'api-1' })
    const second = logOn(store, { writer: 'api-2' })
    await Promise.all([
      first.record(decisionAt('2026-03-12T23:59:59.999Z'), { tenantId: 'acme-de', correlationId: 'a' }),
      first.record(decisionAt('2026-03-13T00:00:00Z'), { tenantId: 'acme-de', correlationId: 'b' }),
      second.record(decisionAt('2026-03-13T08:00:00Z'), { tenantId: 'acme-de', correlationId: 'c' }),
    ])
    expect(accessLogStream('2026-03-12T23:59:59.999Z' as Instant, 'api-1')).toBe('accesslog-2026-03-12.api-1')
    expect((await streamOf(store, 'accesslog-2026-03-12.api-1')).map((e) => e.metadata.correlationId)).toEqual(['a'])
    expect((await streamOf(store, 'accesslog-2026-03-13.api-1')).map((e) => e.metadata.correlationId)).toEqual(['b'])
    expect((await streamOf(store, 'accesslog-2026-03-13.api-2')).map((e) => e.metadata.correlationId)).toEqual(['c'])
  })

  it('refuses a decision with bad metadata alone, naming the field; the others of its batch are recorded', async () => {
    const store = inMemoryEventStore()
    const log = logOn(store, { maxDelayMs: 20 })
    const [bad, good] = await Promise.all([
      log.record(decisionAt('2026-03-12T10:00:00Z', 1), { tenantId: 'someone@acme.de', correlationId: 'a' }),
      log.record(decisionAt('2026-03-12T10:00:00Z', 2), { tenantId: 'acme-de', correlationId: 'b' }),
    ])
    expect(E.isLeft(bad) && bad.left).toMatchObject({ _tag: 'InvalidStoreInputError', field: 'metadata.tenantId' })
    expect(E.isRight(good)).toBe(true)
    expect(await streamOf(store, 'accesslog-2026-03-12')).toHaveLength(1)
  })

  it('answers every decision of a batch the store refused with the store error', async () => {
    const down = new StoreUnavailableError('disk gone', true)
    const store = Object.assign(Object.create(inMemoryEventStore()) as EventStore, { append: async () => E.left(down) })
    const log = logOn(store)
    const outcomes = await Promise.all([1, 2, 3].map((i) => log.record(decisionAt('2026-03-12T10:00:00Z', i), { tenantId: 'acme-de', correlationId: `c${i}` })))
    expect(outcomes).toEqual([E.left(down), E.left(down), E.left(down)])
  })

  it('tries an append the store calls retryable twice more, and records the batch once', async () => {
    const inner = inMemoryEventStore()
    let refusals = 2
    const store = Object.assign(Object.create(inner) as EventStore, {
      append: (...args: Parameters<EventStore['append']>) => (refusals-- > 0 ? Promise.resolve(E.left(new StoreUnavailableError('SQLITE_BUSY', true))) : inner.append(...args)),
    })
    const log = logOn(store)
    const outcomes = await Promise.all([1, 2].map((i) => log.record(decisionAt('2026-03-12T10:00:00Z', i), { tenantId: 'acme-de', correlationId: `c${i}` })))
    expect(outcomes.every(E.isRight)).toBe(true)
    expect(await streamOf(inner, 'accesslog-2026-03-12')).toHaveLength(2)
    refusals = 5
    const refused = await log.record(decisionAt('2026-03-12T11:00:00Z'), { tenantId: 'acme-de', correlationId: 'c3' })
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
    expect(refusals).toBe(2)
  })

  it('flush waits for what was recorded so far', async () => {
    const store = inMemoryEventStore()
    const log = logOn(store, { maxDelayMs: 10_000 })
    void log.record(decisionAt('2026-03-12T10:00:00Z'), { tenantId: 'acme-de', correlationId: 'a' })
    await log.flush()
    expect(await streamOf(store, 'accesslog-2026-03-12')).toHaveLength(1)
  })

  it.each([
    ['maxBatch', { maxBatch: 0 }],
    ['maxBatch', { maxBatch: 1.5 }],
    ['maxDelayMs', { maxDelayMs: -1 }],
    ['writer', { writer: 'api 1' }],
    ['writer', { writer: '' }],
  ])('refuses a bad option %s (%j)', (field, options) => {
    const log = accessLog({ store: inMemoryEventStore(), ...options })
    expect(E.isLeft(log) && log.left).toMatchObject({ _tag: 'InvalidStoreInputError', field })
  })
})
