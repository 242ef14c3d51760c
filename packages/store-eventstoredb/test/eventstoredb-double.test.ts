import { accountStream, type EventStore, type NewEvent, type RecordedEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { closeStoreOnDouble, rivalOn, storeOnDouble } from './double/double-store.js'

// What is particular to EventStoreDB, through the real client against the gRPC test double:
// `$all` shared with system and foreign streams, sparse positions, writers racing between the
// read and the append, a node that goes away, and a stored event changed on disk.
const opened: EventStore[] = []
afterEach(async () => {
  for (const store of opened.splice(0)) await closeStoreOnDouble(store)
})
const fresh = async () => {
  const subject = await storeOnDouble()
  opened.push(subject.store)
  return subject
}
const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}
const events = (accountId: string, prefix = 'e'): NewEvent[] =>
  openedAccountEvents(account(accountId)).map((e, i) => newEvent(e, { eventId: `${prefix}-${accountId}-${i}` }))
const position = (e: RecordedEvent) => e.metadata.globalPosition

describe('the protocol the client speaks', () => {
  it.each<[string, boolean, 'append' | 'batchAppend']>([
    ['a node that names BatchAppend among its features (21.10 and newer)', true, 'batchAppend'],
    ['a node without ServerFeatures (older)', false, 'append'],
  ])('appends by the call %s offers', async (_what, batchAppend, used) => {
    const subject = await storeOnDouble({}, { batchAppend })
    opened.push(subject.store)
    await subject.store.append(accountStream(account('kunde-1')), events('kunde-1'), { expectedVersion: 'no-stream' })
    await subject.store.append(accountStream(account('kunde-1')), events('kunde-1', 'f'), { expectedVersion: 3n })
    expect(subject.double.appendsBy).toEqual({ append: used === 'append' ? 2 : 0, batchAppend: used === 'batchAppend' ? 2 : 0 })
  })
})

describe('$all shared with other streams', () => {
  it('reads only the library\'s streams, in log order, through pages full of foreign events', async () => {
    const { store, double } = await fresh()
    for (const id of ['kunde-1', 'kunde-2']) {
      double.write(`order-${id}`, 3)
      expect(E.isRight(await store.append(accountStream(account(id)), events(id), { expectedVersion: 'no-stream' }))).toBe(true)
    }
    double.write('$stats-127.0.0.1:2113', 2)
    double.write('orders-archive', 4)
    for (const batchSize of [1, 2, 500]) {
      const all = await collect(store.readAll({ batchSize }))
      expect(all.map((e) => e.metadata.streamId)).toEqual([...Array(4).fill('account-kunde-1'), ...Array(4).fill('account-kunde-2')])
    }
    const last = (await collect(store.readAll())).at(-1)!
    expect(await store.headPosition()).toEqual(E.right(position(last)))
  })

  it('has head position 0 while only system and foreign events are in the log', async () => {
    const { store, double } = await fresh()
    double.write('order-1', 3)
    expect(await store.headPosition()).toEqual(E.right(0n))
    expect(await collect(store.readAll())).toEqual([])
  })

  it('resumes after every event from one past its position, as a projection\'s checkpoint does', async () => {
    const { store, double } = await fresh()
    for (const id of ['kunde-1', 'kunde-2', 'kunde-3']) {
      await store.append(accountStream(account(id)), events(id), { expectedVersion: 'no-stream' })
      double.write(`order-${id}`, 2)
    }
    const all = await collect(store.readAll())
    for (const [i, event] of all.entries()) {
      const rest = await collect(store.readAll({ fromPosition: position(event) + 1n, batchSize: 3 }))
      expect(rest.map((e) => e.metadata.eventId)).toEqual(all.slice(i + 1).map((e) => e.metadata.eventId))
    }
  })
})

describe('another writer between the read and the append', () => {
  const streamA = accountStream(account('kunde-1'))
  const archived = (id: string): NewEvent[] => [newEvent({ type: 'AccountArchived', data: { accountId: account('kunde-1'), reason: 'churned', archivedBy: 'dora' as never } }, { eventId: id })]

  it.each<['any' | 'exists']>([['any'], ['exists']])('appends after the newcomer where the caller expected %s, keeping the chain', async (expected) => {
    const { store, double } = await fresh()
    const rival = rivalOn(double)
    await store.append(streamA, events('kunde-1'), { expectedVersion: 'no-stream' })
    double.beforeAppend = async () => {
      expect(E.isRight(await rival.append(streamA, archived('rival'), { expectedVersion: 3n }))).toBe(true)
    }
    const result = await store.append(streamA, archived('mine'), { expectedVersion: expected })
    expect(result).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 5n })))
    const stream = await collect(store.readStream(streamA))
    expect(stream.map((e) => e.metadata.eventId)).toEqual(['e-kunde-1-0', 'e-kunde-1-1', 'e-kunde-1-2', 'e-kunde-1-3', 'rival', 'mine'])
    expect(await collect(store.readAll({ verifyHashes: true }))).toHaveLength(6)
    await rival.close()
  })

  it('answers a caller who expected the version the newcomer took with a ConcurrencyError naming the actual one', async () => {
    const { store, double } = await fresh()
    const rival = rivalOn(double)
    await store.append(streamA, events('kunde-1'), { expectedVersion: 'no-stream' })
    double.beforeAppend = async () => void (await rival.append(streamA, archived('rival'), { expectedVersion: 3n }))
    const result = await store.append(streamA, archived('mine'), { expectedVersion: 3n })
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'ConcurrencyError', expected: 3n, actual: 4n })))
    expect((await collect(store.readStream(streamA))).map((e) => e.metadata.eventId)).not.toContain('mine')
    await rival.close()
  })

  it('answers a racing repeat of the same events as a repeat, recorded once', async () => {
    const { store, double } = await fresh()
    const rival = rivalOn(double)
    await store.append(streamA, events('kunde-1'), { expectedVersion: 'no-stream' })
    double.beforeAppend = async () => void (await rival.append(streamA, archived('same'), { expectedVersion: 3n }))
    const result = await store.append(streamA, archived('same'), { expectedVersion: 3n })
    expect(result).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: 4n })))
    expect(await collect(store.readStream(streamA))).toHaveLength(5)
    await rival.close()
  })
})

describe('a node that is gone', () => {
  it('answers appends and reads with a retryable StoreUnavailableError', async () => {
    const { store, double } = await fresh()
    await double.stop()
    const streamA = accountStream(account('kunde-1'))
    expect(await store.append(streamA, events('kunde-1'), { expectedVersion: 'no-stream' })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    expect(await store.streamVersion(streamA)).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    expect(await store.headPosition()).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    await expect(collect(store.readAll())).rejects.toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
    await expect(collect(store.readStream(streamA))).rejects.toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
  })

  it('answers reads from a node that accepts them and says nothing with a retryable StoreUnavailableError', async () => {
    const subject = await storeOnDouble({ readTimeoutMs: 500 })
    opened.push(subject.store)
    subject.double.silent = true
    const streamA = accountStream(account('kunde-1'))
    expect(await subject.store.streamVersion(streamA)).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true })))
    await expect(collect(subject.store.readAll())).rejects.toMatchObject({ _tag: 'StoreUnavailableError', retryable: true })
  })

  it('answers every call after close() with a StoreUnavailableError that is not retryable', async () => {
    const { store } = await fresh()
    await store.close()
    const streamA = accountStream(account('kunde-1'))
    expect(await store.append(streamA, events('kunde-1'), { expectedVersion: 'no-stream' })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false })))
    expect(await store.headPosition()).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false })))
    await expect(collect(store.readAll())).rejects.toMatchObject({ _tag: 'StoreUnavailableError', retryable: false })
  })
})

describe('a stored event changed on the server', () => {
  it('is found by readAll({ verifyHashes: true }) at its position, and by nothing that does not check', async () => {
    const { store, double } = await fresh()
    await store.append(accountStream(account('kunde-1')), events('kunde-1'), { expectedVersion: 'no-stream' })
    const index = double.log.records.findIndex((r) => r.streamId === 'account-kunde-1' && r.revision === 1n)
    const record = double.log.records[index]!
    double.log.tamper(index, Buffer.from(record.data.toString('utf8').replace('dora', 'mallory')))
    const tampered = (await collect(store.readAll()))[1]!
    expect(JSON.stringify(tampered.data)).toContain('mallory')
    await expect(collect(store.readAll({ verifyHashes: true }))).rejects.toMatchObject({ _tag: 'CorruptEventError', streamId: 'account-kunde-1', streamVersion: 1n, globalPosition: position(tampered) })
  })
})
