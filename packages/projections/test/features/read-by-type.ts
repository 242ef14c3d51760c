// The runtime reads only the event types its projections handle, and still accounts for every
// position: a checkpoint goes past the events no projection handles (up to the head the run
// saw), never past an event it has not applied, however the batches and stops fall.
import { accountStream, inMemoryEventStore, type DomainEventType, type EventStore, type ReadAllOptions, type RecordedEvent } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { defineProjection, ownershipHistoryProjection, projectionRuntime, type Projection } from '@account-ownership/projections'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { scenario } from '../support/scenario.js'
import type { TestDialect } from '../support/test-dialect.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}

// A store that records what each readAll asked for and answered, or reads everything whatever it is asked.
const watched = (inner: EventStore, mode: 'as-asked' | 'unfiltered' = 'as-asked') => {
  const asked: Array<ReadAllOptions | undefined> = []
  const answered: RecordedEvent[] = []
  const store: EventStore = {
    ...inner,
    readAll: async function* (options) {
      asked.push(options)
      const { types: _types, ...rest } = options ?? {}
      for await (const event of inner.readAll(mode === 'unfiltered' ? rest : options)) {
        answered.push(event)
        yield event
      }
    },
  }
  return { store, asked, answered }
}

// Remembers each handled event by its position, in a table of its own.
interface SeenTables {
  seen_events: { position: string; type: string }
}
const seeing = (handles: ReadonlyArray<DomainEventType>): Projection<SeenTables> =>
  defineProjection<SeenTables, DomainEventType>({
    name: 'seen',
    version: 1,
    handles,
    tables: ['seen_events'],
    createTables: async (db) => db.schema.createTable('seen_events').ifNotExists().addColumn('position', 'text', (c) => c.primaryKey()).addColumn('type', 'text', (c) => c.notNull()).execute(),
    load: async (_events, tx) => {
      const rows: Array<{ position: string; type: string }> = []
      return {
        apply: (event) => void rows.push({ position: String(event.metadata.globalPosition), type: event.type }),
        save: async () => void (rows.length > 0 && (await tx.insertInto('seen_events').values(rows).execute())),
      }
    },
  })

const checkpointOf = async (db: Kysely<any>, name: string): Promise<bigint> =>
  BigInt((await db.selectFrom('projection_checkpoints').select((eb) => eb.cast<string>('position', 'text').as('position')).where('name', '=', name).executeTakeFirstOrThrow()).position)
const seenOf = async (db: Kysely<any>): Promise<string[]> =>
  (await db.selectFrom('seen_events').select(['position', 'type']).execute()).map((r) => `${r.position}:${r.type}`).sort()

const appendOne = async (store: EventStore, accountId: string, i: number) => {
  const event = openedAccountEvents(account(accountId))[i]!
  const appended = await store.append(accountStream(account(accountId)), [newEvent(event, { eventId: `${accountId}-${i}` })], { expectedVersion: i === 0 ? 'no-stream' : BigInt(i - 1) })
  if (E.isLeft(appended)) throw appended.left
}

export const readByTypeFeatures = (dialect: TestDialect): void => {
  describe(`projection runtime reading by type (${dialect.name})`, () => {
    it('asks the store only for the types its projections handle, and builds what a read of every event builds', async () => {
      const filtered = watched(await scenario())
      const db = await dialect.open()
      const outcome = right(await projectionRuntime({ store: filtered.store, db, projections: [ownershipHistoryProjection], batchSize: 2 }).rebuild())
      const head = right(await filtered.store.headPosition())
      expect(filtered.asked.map((o) => o?.types)).toEqual([ownershipHistoryProjection.handles])
      expect(filtered.answered.length).toBeGreaterThan(0)
      expect(filtered.answered.every((e) => ownershipHistoryProjection.handles.includes(e.type as never))).toBe(true)
      expect(filtered.answered.length).toBeLessThan(Number(head))
      expect(outcome).toEqual({ position: head, done: Number(head), stopped: false })

      const unfiltered = watched(await scenario(), 'unfiltered')
      const reference = await dialect.open()
      right(await projectionRuntime({ store: unfiltered.store, db: reference, projections: [ownershipHistoryProjection], batchSize: 2 }).rebuild())
      expect(unfiltered.answered).toHaveLength(Number(head))
      const periods = async (of: Kysely<any>) => (await of.selectFrom('ownership_periods').selectAll().execute()).map((r) => JSON.stringify(r)).sort()
      expect(await periods(db)).toEqual(await periods(reference))
      expect(await periods(db)).not.toEqual([])
    })

    it('moves the checkpoint past a tail of events no projection handles, and applies a later handled event exactly once', async () => {
      const store = inMemoryEventStore()
      for (let i = 0; i < 4; i++) await appendOne(store, 'kunde-1', i)
      const db = (await dialect.open()) as unknown as Kysely<SeenTables>
      const run = () => projectionRuntime({ store, db, projections: [seeing(['AccountOpened'])] }).runUntilCaughtUp()
      // Only position 1 is handled; the checkpoint still reaches the head, 4.
      expect(right(await run())).toEqual({ position: 4n, done: 4, stopped: false })
      expect(await checkpointOf(db, 'seen')).toBe(4n)
      expect(right(await run())).toEqual({ position: 4n, done: 0, stopped: false })
      await appendOne(store, 'kunde-2', 0)
      await appendOne(store, 'kunde-2', 1)
      expect(right(await run())).toEqual({ position: 6n, done: 2, stopped: false })
      expect(right(await run())).toEqual({ position: 6n, done: 0, stopped: false })
      expect(await seenOf(db)).toEqual(['1:AccountOpened', '5:AccountOpened'])
    })

    it('moves every checkpoint to the head where no projection handles any event of the log', async () => {
      const store = inMemoryEventStore()
      for (let i = 0; i < 3; i++) await appendOne(store, 'kunde-1', i)
      const db = (await dialect.open()) as unknown as Kysely<SeenTables>
      const answered = watched(store)
      expect(right(await projectionRuntime({ store: answered.store, db, projections: [seeing(['AccountArchived'])] }).runUntilCaughtUp())).toEqual({ position: 3n, done: 3, stopped: false })
      expect(answered.answered).toEqual([])
      expect(await checkpointOf(db, 'seen')).toBe(3n)
    })

    it('applies every handled event exactly once and ends at the head, however the log interleaves, the batches fall and runs stop', async () => {
      const handles: ReadonlyArray<DomainEventType> = ['AccountOpened', 'AccessGranted']
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom('kunde-1', 'kunde-2', 'kunde-3'), { minLength: 1, maxLength: 12 }),
          fc.integer({ min: 1, max: 4 }),
          fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
          async (turns, batchSize, stops) => {
            const store = inMemoryEventStore()
            const next = new Map<string, number>()
            for (const id of turns) {
              const i = next.get(id) ?? 0
              if (i > 3) continue
              await appendOne(store, id, i)
              next.set(id, i + 1)
            }
            const db = (await dialect.open()) as unknown as Kysely<SeenTables>
            // Runs that stop after their first batch, then one that runs to the end.
            for (const stop of [...stops, false]) {
              const runtime = projectionRuntime({ store, db, projections: [seeing(handles)], batchSize, onProgress: () => void (stop && runtime.stop()) })
              right(await runtime.runUntilCaughtUp())
            }
            const expected: string[] = []
            for await (const event of store.readAll()) if (handles.includes(event.type)) expected.push(`${event.metadata.globalPosition}:${event.type}`)
            expect(await seenOf(db)).toEqual(expected.sort())
            expect(await checkpointOf(db, 'seen')).toBe(right(await store.headPosition()))
          },
        ),
        { numRuns: dialect.name === 'sqlite' ? 25 : 10 },
      )
    })
  })
}
