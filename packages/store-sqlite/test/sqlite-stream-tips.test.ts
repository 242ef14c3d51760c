// The store appends to a stream it wrote lately without reading the stream's tip back: it keeps
// the tip, and trusts it only while no other connection committed and nothing else changed a row
// on its own connection. These tests change the file behind its back in each of those ways and
// check that every append still lands at the right version, on an unbroken chain.
import { accountStream, ConcurrencyError, type AccountId, type AppendError, type AppendResult, type ExpectedVersion, type StreamId } from '@account-ownership/core'
import type { SqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { classifiedEvent } from './processes/classified-event.js'
import { scratchDir } from './scratch-dir.js'
import { openOrThrow, settle } from './seeded-store.js'

const scratch = scratchDir('stream-tips')
const stream = (n: number): StreamId => accountStream(`kunde-${n}` as AccountId)
let ids = 0
const append = (store: SqliteEventStore, n: number, expectedVersion: ExpectedVersion, events = 1) =>
  store.append(
    stream(n),
    Array.from({ length: events }, () => classifiedEvent(`kunde-${n}` as AccountId, 1, 'umsatz', `tip-${++ids}`)),
    { expectedVersion },
  )

// The store under test and another on a connection of its own to the same file, after each has appended once to stream 1.
const twoWriters = async () => {
  const file = scratch.file()
  const mine = openOrThrow({ path: file })
  const other = openOrThrow({ path: file })
  recorded(await append(mine, 1, 'no-stream'))
  recorded(await append(other, 1, 0n))
  return { mine, other }
}

const recorded = (result: E.Either<AppendError, AppendResult>): AppendResult => {
  if (E.isLeft(result)) throw result.left
  return result.right
}

// Every stream's versions from 0 without a gap, and every hash link verified.
const logIsWhole = async (store: SqliteEventStore) => {
  const { items, error } = await settle(store.readAll({ verifyHashes: true }))
  expect(error).toBeUndefined()
  const versions = new Map<string, bigint[]>()
  for (const e of items) versions.set(e.metadata.streamId, [...(versions.get(e.metadata.streamId) ?? []), e.metadata.streamVersion])
  for (const v of versions.values()) expect(v).toEqual(v.map((_, i) => BigInt(i)))
  return items.length
}

describe('the stream tips a store keeps', () => {
  it('given a tip the store wrote, when another connection appends to that stream, then the next append lands after it, and a stale expected version is a conflict', async () => {
    const { mine, other } = await twoWriters()
    expect(recorded(await append(mine, 1, 'any')).nextExpectedVersion).toBe(2n)
    const stale = await append(mine, 1, 1n)
    expect(E.isLeft(stale) && stale.left).toEqual(new ConcurrencyError(stream(1), 1n, 2n))
    expect(await logIsWhole(mine)).toBe(3)
    await other.close()
    await mine.close()
  })

  it('given a tip the store wrote, when a second store on the same connection appends to that stream, then the next append lands after it', async () => {
    const db = new Database(scratch.file())
    const mine = openOrThrow({ database: db })
    const sharing = openOrThrow({ database: db })
    recorded(await append(mine, 1, 'no-stream'))
    recorded(await append(sharing, 1, 0n, 2))
    expect(recorded(await append(mine, 1, 2n)).nextExpectedVersion).toBe(3n)
    expect(await logIsWhole(mine)).toBe(4)
    await sharing.close()
    await mine.close()
    db.close()
  })

  it('given a stream the store read to its end, when another connection appends to it before the store does, then the store\'s append with the version it read is a conflict', async () => {
    const { mine, other } = await twoWriters()
    const read = await settle(mine.readStream(stream(1)))
    recorded(await append(other, 1, 1n))
    const stale = await append(mine, 1, read.items.at(-1)!.metadata.streamVersion)
    expect(E.isLeft(stale) && stale.left).toEqual(new ConcurrencyError(stream(1), 1n, 2n))
    expect(recorded(await append(mine, 1, 'any')).nextExpectedVersion).toBe(3n)
    expect(await logIsWhole(mine)).toBe(4)
    await other.close()
    await mine.close()
  })

  it('given appends that arrive together, then each later one of a stream builds on the earlier one of the same commit', async () => {
    const store = openOrThrow({ path: scratch.file() })
    recorded(await append(store, 1, 'no-stream'))
    const results = await Promise.all([append(store, 1, 0n), append(store, 1, 'any', 2), append(store, 2, 'no-stream'), append(store, 1, 3n)])
    expect(results.map((r) => recorded(r).nextExpectedVersion)).toEqual([1n, 3n, 0n, 4n])
    expect(await logIsWhole(store)).toBe(6)
    await store.close()
  })

  // A model of what each append should answer: the expected version the test names against the
  // versions every appended event moved each stream to, whoever appended it.
  type Writer = 'mine' | 'sharing' | 'other'
  type Step = { readonly writer: Writer; readonly reads: ReadonlyArray<number>; readonly streams: ReadonlyArray<{ readonly stream: number; readonly expected: 'tip' | 'stale' | 'any'; readonly events: number }> }
  const step: fc.Arbitrary<Step> = fc.record({
    writer: fc.constantFrom<Writer>('mine', 'mine', 'sharing', 'other'),
    // Streams the store reads to their end first, as a command handler does.
    reads: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    // Up to three appends that arrive together at one store.
    streams: fc.array(fc.record({ stream: fc.integer({ min: 1, max: 3 }), expected: fc.constantFrom('tip' as const, 'tip' as const, 'stale' as const, 'any' as const), events: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 3 }),
  })

  it('given any interleaving of appends through the store, a second store on its connection and one on another connection, then each append answers as if every tip were read anew', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const file = scratch.file()
        const db = new Database(file)
        const stores: Record<Writer, SqliteEventStore> = { mine: openOrThrow({ database: db }), sharing: openOrThrow({ database: db }), other: openOrThrow({ path: file }) }
        const versions = new Map<number, bigint>()
        let count = 0
        for (const { writer, reads, streams } of steps) {
          for (const n of reads) expect((await settle(stores.mine.readStream(stream(n)))).error).toBeUndefined()
          // Expected versions are taken before the group runs; its appends then commit in order.
          const planned = streams.map(({ stream: n, expected, events }) => {
            const tip = versions.get(n)
            const expectedVersion: ExpectedVersion = expected === 'any' ? 'any' : expected === 'stale' ? (tip === undefined ? 0n : tip === 0n ? 'no-stream' : tip - 1n) : (tip ?? 'no-stream')
            return { n, expectedVersion, events }
          })
          const results = await Promise.all(planned.map(({ n, expectedVersion, events }) => append(stores[writer], n, expectedVersion, events)))
          planned.forEach(({ n, expectedVersion, events }, i) => {
            const tip = versions.get(n)
            const fits = expectedVersion === 'any' || (expectedVersion === 'no-stream' ? tip === undefined : tip === expectedVersion)
            const result = results[i]!
            if (!fits) return expect(E.isLeft(result) && result.left._tag).toBe('ConcurrencyError')
            const next = (tip ?? -1n) + BigInt(events)
            expect(recorded(result).nextExpectedVersion).toBe(next)
            versions.set(n, next)
            count += events
          })
        }
        expect(await logIsWhole(stores.other)).toBe(count)
        for (const store of Object.values(stores)) await store.close()
        db.close()
      }),
      { numRuns: 60 },
    )
  })
})
