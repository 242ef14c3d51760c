import { accountStream, currentSchema, decodeStoredEvent, eventSchema, readAllPages, type DomainEventType, type ReadAllOptions, type RecordedEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { readAheadChannel, type ReadAheadNotice, type SqliteEventStoreOptions } from '@account-ownership/store-sqlite'
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { existsSync } from 'node:fs'
import type { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { eventsOfPage, pageTextOf } from '../src/sqlite-read-ahead-page.js'
import { readAhead, type ReadAheadJob } from '../src/sqlite-read-ahead.js'
import { maxInteger } from '../src/sqlite-statements.js'
import { outputOf, spawnChild } from './processes/spawn-child.js'
import { openOrThrow, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('read-ahead')

// `accounts` accounts, their first four events appended turn by turn, so that streams and types interleave.
const writeLog = async (accounts: number): Promise<string> => {
  const path = scratch.file()
  const store = openOrThrow({ path })
  const events = Array.from({ length: accounts }, (_, a) => openedAccountEvents(account(`kunde-${a}`)))
  for (let k = 0; k < 4; k++) {
    for (let a = 0; a < accounts; a++) {
      const appended = await store.append(accountStream(account(`kunde-${a}`)), [newEvent(events[a]![k]!, { eventId: `e-${a}-${k}` })], { expectedVersion: k === 0 ? 'no-stream' : BigInt(k - 1) })
      if (E.isLeft(appended)) throw appended.left
    }
  }
  await store.close()
  return path
}

// What the read-aheads of `work` told the diagnostics channel.
const noticesOf = async <A>(work: () => Promise<A>): Promise<{ result: A; notices: ReadAheadNotice[] }> => {
  const notices: ReadAheadNotice[] = []
  const listen = (notice: unknown) => void notices.push(notice as ReadAheadNotice)
  subscribe(readAheadChannel, listen)
  try {
    return { result: await work(), notices }
  } finally {
    unsubscribe(readAheadChannel, listen)
  }
}

const pagesOf = async (options: SqliteEventStoreOptions, read: ReadAllOptions) => {
  const store = openOrThrow(options)
  try {
    return await settle(readAllPages(store, read))
  } finally {
    await store.close()
  }
}

// A row of ao_events as better-sqlite3 hands it back with safe integers.
interface Row {
  readonly stream_version: unknown
  readonly event_id: string
  readonly type: string
  readonly schema_version: unknown
  readonly data: unknown
  readonly metadata: string
  readonly recorded_at: string
  readonly hash: string
}

const types: ReadonlyArray<DomainEventType> = ['AccountOpened', 'OwnershipAssigned', 'TeamMemberAdded', 'AccessGranted']

describe('reading the log ahead on a worker thread', () => {
  it('yields exactly the pages a read on one thread yields, through any window, page size and type filter, without falling back', async () => {
    const path = await writeLog(12)
    await fc.assert(
      fc.asyncProperty(
        // Positions of the log's 48 events.
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom(1, 3, 7, 100),
        fc.option(fc.uniqueArray(fc.constantFrom(...types), { minLength: 1 }), { nil: undefined }),
        fc.constantFrom(1, 5, 2000),
        async (i, j, batchSize, filter, events) => {
          const read: ReadAllOptions = { fromPosition: BigInt(Math.min(i, j)), toPosition: BigInt(Math.max(i, j)), batchSize, ...(filter === undefined ? {} : { types: filter }) }
          const onOneThread = await pagesOf({ path, readAhead: false }, read)
          const { result: ahead, notices } = await noticesOf(() => pagesOf({ path, readonly: true, readAhead: { minEvents: 0, events } }, read))
          expect(ahead).toEqual(onOneThread)
          expect(notices.filter((n) => n.readAhead === 'read-on-this-thread')).toEqual([])
          expect(notices.filter((n) => n.readAhead === 'started')).toHaveLength(1)
        },
      ),
      { numRuns: 15 },
    )
  })

  it('reads ahead only a read that spans at least minEvents positions up to the head', async () => {
    const path = await writeLog(5)
    for (const [read, started] of [
      [{}, 1],
      [{ fromPosition: 2n }, 1],
      [{ fromPosition: 3n }, 0],
      [{ toPosition: 18n }, 0],
      [{ toPosition: 19n }, 1],
    ] as const) {
      const { notices } = await noticesOf(() => pagesOf({ path, readAhead: { minEvents: 19 } }, read))
      expect(notices.filter((n) => n.readAhead === 'started')).toHaveLength(started)
    }
    const { notices } = await noticesOf(() => pagesOf({ path }, {}))
    expect(notices).toEqual([])
  })

  it('upcasts on the reader’s thread the rows the worker cannot: those of an older schema version', async () => {
    const path = await writeLog(4)
    // A schema in which AccountOpened has moved on to version 2: the stored version-1 rows need its upcaster.
    const schema = eventSchema({ AccountOpened: { 1: (data) => ({ ...(data as object), displayName: 'Umbenannt GmbH' }) } })
    const onOneThread = await pagesOf({ path, schema, readAhead: false }, { batchSize: 5 })
    const { result: ahead, notices } = await noticesOf(() => pagesOf({ path, schema, readAhead: { minEvents: 0 } }, { batchSize: 5 }))
    expect(ahead).toEqual(onOneThread)
    expect(ahead.items.flat().filter((e) => e.type === 'AccountOpened').map((e) => (e.data as { displayName: string }).displayName)).toEqual(Array(4).fill('Umbenannt GmbH'))
    expect(notices.map((n) => n.readAhead)).toEqual(['started'])
  })

  it.each([
    ['data that is not JSON', `UPDATE ao_events SET data = '{"accountId": ' WHERE global_position = 7`],
    ['a payload that fails its codec', `UPDATE ao_events SET data = json_set(data, '$.role', 'janitor') WHERE global_position = 7`],
    ['metadata of another event', `UPDATE ao_events SET event_id = 'somebody-else' WHERE global_position = 7`],
  ])('fails at a row with %s as a read on one thread does: the pages before it, then its CorruptEventError', async (_, sql) => {
    const path = await writeLog(3)
    const raw = new Database(path)
    removeAppendOnlyTriggers(raw)
    raw.prepare(sql).run()
    raw.close()
    for (const batchSize of [1, 2, 500]) {
      const onOneThread = await pagesOf({ path, readAhead: false }, { batchSize })
      const { result: ahead, notices } = await noticesOf(() => pagesOf({ path, readAhead: { minEvents: 0 } }, { batchSize }))
      expect(ahead).toEqual(onOneThread)
      expect(notices.map((n) => n.readAhead)).toEqual(['started'])
      expect(ahead.error).toMatchObject({ _tag: 'CorruptEventError', globalPosition: 7n })
    }
  })

  // Rows written around the store (an INSERT on another connection; a damaged file reads alike)
  // beside a stored row of account kunde-1, each of the rows the reader must decode itself or,
  // not of the row format at all, read itself.
  it.each([
    ['an instant in another offset, which decoding normalises', (row: Row) => ({ ...row, metadata: JSON.stringify({ ...JSON.parse(row.metadata), occurredAt: '2026-03-12T10:00:00+01:00' }) })],
    ['a version text that would break out of its place in the page', (row: Row) => ({ ...row, stream_version: `0",999,"2026-01-01T00:00:00.000Z",1,${row.data},${row.metadata}],[0,"${row.type}","forged","0` })],
    ['a schema version as text', (row: Row) => ({ ...row, schema_version: 'v1' })],
    ['a version with a fraction', (row: Row) => ({ ...row, stream_version: 1.5 })],
    ['a version below -2^53', (row: Row) => ({ ...row, stream_version: -(2n ** 60n) - 1n })],
    ['data as bytes at an older schema version', (row: Row) => ({ ...row, schema_version: 1n, type: 'AccessGranted', data: Buffer.from(row.data as string) })],
  ])('reads a row with %s as a read on one thread does', async (_, change) => {
    const path = await writeLog(3)
    const raw = new Database(path)
    raw.defaultSafeIntegers(true)
    const stored = raw.prepare(`SELECT * FROM ao_events WHERE global_position = 4`).get() as Row
    const odd = change({ ...stored, event_id: 'beside-1', metadata: JSON.stringify({ ...JSON.parse(stored.metadata), eventId: 'beside-1' }) })
    raw
      .prepare('INSERT INTO ao_events (stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('account-beside', odd.stream_version, odd.event_id, odd.type, odd.schema_version, odd.data, odd.metadata, odd.recorded_at, odd.hash)
    raw.close()
    for (const batchSize of [1, 5, 500]) {
      const onOneThread = await pagesOf({ path, readAhead: false }, { batchSize })
      const ahead = await pagesOf({ path, readAhead: { minEvents: 0 } }, { batchSize })
      expect(ahead).toEqual(onOneThread)
      expect(ahead.items.flat().filter((e) => e.metadata.streamId !== 'account-beside' && !/^account-kunde-\d$/.test(e.metadata.streamId))).toEqual([])
    }
  })

  it('keeps the defaults for bounds given as undefined (as JavaScript callers may pass them)', async () => {
    const path = await writeLog(3)
    const given = { minEvents: 0, events: undefined } as unknown as { minEvents: number }
    const { result, notices } = await noticesOf(() => pagesOf({ path, readAhead: given, groupCommit: { maxAppends: undefined } as unknown as { maxAppends: number } }, { batchSize: 5 }))
    expect(result.items.flat()).toHaveLength(12)
    expect(notices.map((n) => n.readAhead)).toEqual(['started'])
  })

  it('rejects a read asked for before the store closed and started after, as a read on one thread does, and starts no worker', async () => {
    const path = await writeLog(3)
    for (const readAhead of [false, { minEvents: 0 }] as const) {
      const store = openOrThrow({ path, readAhead })
      const pages = readAllPages(store, { batchSize: 2 })
      await store.close()
      const { result, notices } = await noticesOf(() => settle(pages))
      expect(result).toMatchObject({ items: [], error: { _tag: 'StoreUnavailableError', message: expect.stringMatching(/closed/) } })
      expect(notices).toEqual([])
    }
  })

  it('lets the process exit where the reader took a page and dropped the read without ending it', async () => {
    const path = await writeLog(10)
    const child = spawnChild('abandoned-read-ahead.ts', [path])
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    try {
      expect(JSON.parse(await outputOf(child))).toEqual({ page: 2 })
    } finally {
      clearTimeout(killer)
    }
  }, 30_000)

  it('ends the worker with the store: a read still going rejects as a read of a closed store does', async () => {
    const path = await writeLog(10)
    const store = openOrThrow({ path, readAhead: { minEvents: 0, events: 2 } })
    const pages = readAllPages(store, { batchSize: 2 })[Symbol.asyncIterator]()
    expect((await pages.next()).value).toHaveLength(2)
    await store.close()
    const rest = await settle({ [Symbol.asyncIterator]: () => pages })
    expect(rest.error).toMatchObject({ _tag: 'StoreUnavailableError', message: expect.stringMatching(/closed/) })
  })

  it('reads on by itself where its worker stops, from the page after the last it took, up to a corrupt row', async () => {
    const path = await writeLog(10)
    const raw = new Database(path)
    removeAppendOnlyTriggers(raw)
    raw.prepare(`UPDATE ao_events SET data = 'x' WHERE global_position = 30`).run()
    raw.close()
    const store = openOrThrow({ path, readAhead: { minEvents: 0, events: 2 } })
    const { notices, result: pages } = await noticesOf(async () => {
      const pages = readAllPages(store, { batchSize: 2 })[Symbol.asyncIterator]()
      expect((await pages.next()).value).toHaveLength(2)
      return pages
    })
    await (notices.find((n) => n.readAhead === 'started') as Extract<ReadAheadNotice, { readAhead: 'started' }>).worker.terminate()
    const { notices: after, result: rest } = await noticesOf(() => settle({ [Symbol.asyncIterator]: () => pages }))
    // What the worker had posted arrives first; then the reader reads on from the page after, and fails where one thread fails.
    expect(after).toMatchObject([{ readAhead: 'read-on-this-thread', from: expect.any(BigInt) }])
    expect(rest.items.flat().map((e) => e.metadata.globalPosition)).toEqual(Array.from({ length: 26 }, (_, i) => BigInt(i + 3)))
    expect(rest.error).toMatchObject({ _tag: 'CorruptEventError', globalPosition: 30n })
    await store.close()
  })
})

describe('a read-ahead whose worker stops', () => {
  const jobOf = (path: string, size: number): ReadAheadJob => ({ path, from: 1n, to: maxInteger, size, skipped: undefined, versions: { AccessGranted: 2 }, depth: 2 })
  async function* nothingOnThisThread(from: bigint): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
    yield [{ from } as never]
  }

  it('reads on by itself from the first position, where the worker cannot open the file', async () => {
    const running = new Set<Worker>()
    const { result, notices } = await noticesOf(() => settle(readAhead(jobOf(scratch.file('missing.db'), 5), currentSchema, nothingOnThisThread, running)))
    expect(result.items).toEqual([[{ from: 1n }]])
    expect(notices[1]).toMatchObject({ readAhead: 'read-on-this-thread', from: 1n, why: expect.stringMatching(/ENOENT/) })
    expect(running.size).toBe(0)
  })

  it('creates no file beside a log in WAL mode without its -wal: the reader reads it by itself, as the auditor does from an image', async () => {
    const path = await writeLog(3)
    const raw = new Database(path)
    raw.pragma('journal_mode = WAL')
    raw.close()
    const running = new Set<Worker>()
    const { result, notices } = await noticesOf(() => settle(readAhead(jobOf(path, 5), currentSchema, nothingOnThisThread, running)))
    expect(result.items).toEqual([[{ from: 1n }]])
    expect(notices[1]).toMatchObject({ readAhead: 'read-on-this-thread', from: 1n, why: expect.stringMatching(/without creating files/) })
    // The auditor's store reads that file from an image in memory, which has no file to read ahead from.
    const { result: read, notices: none } = await noticesOf(() => pagesOf({ path, readonly: true, readAhead: { minEvents: 0 } }, {}))
    expect(read.items.flat()).toHaveLength(12)
    expect(none).toEqual([])
    expect([existsSync(`${path}-wal`), existsSync(`${path}-shm`)]).toEqual([false, false])
  })

  it('reads on by itself from the position after the last page it took, where the worker stops half way', async () => {
    const path = await writeLog(5)
    const running = new Set<Worker>()
    const pages = readAhead(jobOf(path, 3), currentSchema, nothingOnThisThread, running)[Symbol.asyncIterator]()
    const first = (await pages.next()).value as ReadonlyArray<RecordedEvent>
    expect(first.map((e) => e.metadata.globalPosition)).toEqual([1n, 2n, 3n])
    await Promise.all([...running].map((worker) => worker.terminate()))
    const rest: unknown[] = []
    for (let next = await pages.next(); !next.done; next = await pages.next()) rest.push(next.value)
    // What the worker had posted before it stopped arrives first; then the reader reads on from the page after.
    const taken = rest.slice(0, -1).flat() as RecordedEvent[]
    const after = taken.length === 0 ? 4n : taken[taken.length - 1]!.metadata.globalPosition + 1n
    expect(rest[rest.length - 1]).toEqual([{ from: after }])
    expect(running.size).toBe(0)
  })

  it('ends its worker when the reader stops early', async () => {
    const path = await writeLog(5)
    const running = new Set<Worker>()
    for await (const page of readAhead(jobOf(path, 2), currentSchema, nothingOnThisThread, running)) {
      expect(page).toHaveLength(2)
      expect(running.size).toBe(1)
      break
    }
    expect(running.size).toBe(0)
  })
})

describe('a page of a read-ahead', () => {
  const storedRowsOf = async (path: string) => {
    const store = openOrThrow({ path })
    const rows = []
    for await (const row of store.readStoredAll()) rows.push(row)
    await store.close()
    return rows
  }

  it('carries positions and versions beyond 2^53 exactly, and decodes as decodeStoredEvent does', async () => {
    const stored = await storedRowsOf(await writeLog(2))
    const far = stored.map((row, i) => ({ ...row, globalPosition: 2n ** 62n + BigInt(i), streamVersion: 2n ** 60n + row.streamVersion }))
    const decoded = eventsOfPage(pageTextOf(far, { AccessGranted: 2 })!, currentSchema)
    expect(decoded).toEqual({ events: far.map((row) => E.getOrElseW(() => undefined)(decodeStoredEvent(row, currentSchema))) })
  })

  it('decodes the events before a corrupt row and names that row’s error, as decodeStoredEvent does', async () => {
    const stored = await storedRowsOf(await writeLog(1))
    const damaged = stored.map((row, i) => (i === 2 ? { ...row, data: '{"accountId":' } : row))
    const { events, corrupt } = eventsOfPage(pageTextOf(damaged, { AccessGranted: 2 })!, currentSchema)
    expect(events.map((e) => e.metadata.globalPosition)).toEqual([1n, 2n])
    expect(corrupt).toEqual(E.getOrElseW((e) => e)(E.swap(decodeStoredEvent(damaged[2]!, currentSchema))))
    expect(corrupt).toMatchObject({ _tag: 'CorruptEventError', globalPosition: 3n })
  })
})
