import { accountStream, type EventStore } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'

// A read of a stream's window asks the server for that window, not for a whole page: a report
// that fetches the one event a read-model row names must not pull the stream's next 500.
const opened: EventStore[] = []
afterEach(async () => {
  for (const store of opened.splice(0)) await closeStoreOnDouble(store)
})

describe('given a stream of 40 events on the server', () => {
  const seeded = async () => {
    const subject = await storeOnDouble()
    opened.push(subject.store)
    const id = account('kunde-window')
    const events = Array.from({ length: 40 }, (_, i) => newEvent(openedAccountEvents(id)[0]!, { eventId: `window-${i}` }))
    expect(E.isRight(await subject.store.append(accountStream(id), events, { expectedVersion: 'no-stream' }))).toBe(true)
    subject.double.traffic.read.events = 0
    return { ...subject, stream: accountStream(id) }
  }
  const versions = async (store: EventStore, stream: ReturnType<typeof accountStream>, options: { from?: bigint; to?: bigint; batchSize?: number }) => {
    const out: bigint[] = []
    for await (const event of store.readStream(stream, options)) out.push(event.metadata.streamVersion)
    return out
  }

  it('when one event is read (from = to), then one event crosses the wire', async () => {
    const { store, double, stream } = await seeded()
    expect(await versions(store, stream, { from: 7n, to: 7n })).toEqual([7n])
    expect(double.traffic.read.events).toBe(1)
  })

  it('when a window spans pages, then every page but the last is whole and the last holds only what is left', async () => {
    const { store, double, stream } = await seeded()
    expect(await versions(store, stream, { from: 3n, to: 24n, batchSize: 10 })).toEqual(Array.from({ length: 22 }, (_, i) => BigInt(i + 3)))
    expect(double.traffic.read.events).toBe(22)
  })

  it('when the window runs past the stream, then the read ends at its last event', async () => {
    const { store, stream } = await seeded()
    expect(await versions(store, stream, { from: 35n, to: 90n, batchSize: 4 })).toEqual([35n, 36n, 37n, 38n, 39n])
  })
})
