// The runtime's contract: a failed batch leaves neither rows nor a moved checkpoint; a changed
// version rebuilds from zero; progress, live mode and stop; failures come back as values.
import { accountCommandHandler, inMemoryEventStore, plusMillis, StoreUnavailableError, type EventStore } from '@account-ownership/core'
import { cast, epoch, tenant, testPolicy } from '@account-ownership/core/testing'
import {
  CheckpointMovedError,
  currentOwnerProjection,
  createCurrentOwnerTable,
  createOwnershipHistoryTable,
  defineProjection,
  insertRows,
  loadBatchRows,
  ProjectionFailedError,
  projectionRuntime,
  readModelProjections,
  type CurrentOwnerTable,
  type OwnershipPeriodTable,
  type Progress,
  type ReadModels,
} from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it, vi } from 'vitest'
import { crashingAt } from '../support/crashing-projection.js'
import { scenario } from '../support/scenario.js'
import { tableContents } from '../support/table-contents.js'
import type { TestDialect } from '../support/test-dialect.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}

export const runtimeFeatures = (dialect: TestDialect): void => {
  describe(`projection runtime (${dialect.name})`, () => {
    it('rolls back both the rows and the checkpoint when a batch fails midway', async () => {
      const store = await scenario()
      const failed = await dialect.open()
      const outcome = await projectionRuntime({ store, db: failed, projections: readModelProjections.map((p) => crashingAt(p, 8n)), batchSize: 5 }).runUntilCaughtUp()
      expect(E.isLeft(outcome) && outcome.left._tag === 'ProjectionFailedError' && outcome.left.position).toBe(8n)

      const reference = await dialect.open()
      const runtime = projectionRuntime({ store, db: reference, projections: readModelProjections, batchSize: 5, onProgress: () => void runtime.stop() })
      expect(right(await runtime.runUntilCaughtUp())).toMatchObject({ position: 5n, stopped: true })
      const contents = await tableContents(failed)
      expect((contents.projection_checkpoints ?? []).every((row) => JSON.parse(row).position === '5')).toBe(true)
      expect(contents).toEqual(await tableContents(reference))
    })

    it('commits a batch read in slices as one: a failure in its third slice leaves none of the first two', async () => {
      const store = await scenario()
      const db = await dialect.open()
      // Slices of 3 in batches of 10: positions 1–3, 4–6, 7–9 and 10 in one transaction; 8 fails.
      const outcome = await projectionRuntime({ store, db, projections: readModelProjections.map((p) => crashingAt(p, 8n)), batchSize: 10, sliceSize: 3 }).runUntilCaughtUp()
      expect(E.isLeft(outcome) && outcome.left._tag === 'ProjectionFailedError' && outcome.left.position).toBe(8n)
      const contents = await tableContents(db)
      expect((contents.projection_checkpoints ?? []).map((row) => JSON.parse(row).position)).toEqual(readModelProjections.map(() => '0'))
      expect(contents.current_owners).toEqual([])
    })

    it('builds the same read models whatever the slices and batches', async () => {
      // Three accounts' events interleaved, so that a batch's later slices touch accounts whose
      // rows an earlier batch committed.
      const store = inMemoryEventStore()
      const accounts = accountCommandHandler({ store, policy: testPolicy })
      let n = 0
      const step = async (command: unknown) => right(await accounts.handle(command as never, { commandId: `step-${++n}`, actor: cast.dora, tenantId: tenant, occurredAt: plusMillis(epoch, n * 1000) }))
      const ids = ['kunde-a', 'kunde-b', 'kunde-c']
      for (const accountId of ids) await step({ type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: `${accountId} GmbH`, tier: 'standard' } })
      for (let round = 0; round < 3; round++) {
        for (const accountId of ids) await step({ type: 'AssignOwner', data: { accountId, ownerId: round % 2 === 0 ? cast.hanna : cast.felix } })
        for (const accountId of ids) await step({ type: 'OrphanAccount', data: { accountId, reason: 'owner-removed' } })
      }
      const whole = await dialect.open()
      right(await projectionRuntime({ store, db: whole, projections: readModelProjections, batchSize: 1000, sliceSize: 1000 }).rebuild())
      // Slices of one event: nearly every slice after a batch's first loads more accounts' rows.
      for (const [batchSize, sliceSize] of [[7, 2], [5, 1]] as const) {
        const sliced = await dialect.open()
        right(await projectionRuntime({ store, db: sliced, projections: readModelProjections, batchSize, sliceSize }).runUntilCaughtUp())
        expect(await tableContents(sliced)).toEqual(await tableContents(whole))
      }
    })

    it('applies the rest exactly once when resumed after a failure', async () => {
      const store = await scenario()
      const db = await dialect.open()
      expect(E.isLeft(await projectionRuntime({ store, db, projections: readModelProjections.map((p) => crashingAt(p, 8n)), batchSize: 5 }).runUntilCaughtUp())).toBe(true)
      right(await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 5 }).runUntilCaughtUp())
      const rebuilt = await dialect.open()
      right(await projectionRuntime({ store, db: rebuilt, projections: readModelProjections }).rebuild())
      expect(await tableContents(db)).toEqual(await tableContents(rebuilt))
    })

    it('rebuilds a projection from zero when its version changed, and only then', async () => {
      const store = await scenario()
      const db = await dialect.open()
      right(await projectionRuntime({ store, db, projections: [currentOwnerProjection] }).runUntilCaughtUp())
      const stray = { account_id: 'stray', tenant_id: tenant, display_name: 'Stray', sole_trader: 0, tier: 'standard', opened_at: 'x', ownership: 'unassigned', owner_id: null, ownership_since: null, previous_owner_id: null, lifecycle: 'open', archived_at: null, archive_reason: null, position: '0' } as const
      await db.insertInto('current_owners').values(stray).execute()
      right(await projectionRuntime({ store, db, projections: [currentOwnerProjection] }).runUntilCaughtUp())
      expect(await db.selectFrom('current_owners').select('account_id').where('account_id', '=', 'stray').executeTakeFirst()).toBeDefined()
      const outcome = right(await projectionRuntime({ store, db, projections: [{ ...currentOwnerProjection, version: currentOwnerProjection.version + 1 }] }).runUntilCaughtUp())
      expect(outcome.done).toBe(Number(right(await store.headPosition())))
      expect(await db.selectFrom('current_owners').select('account_id').where('account_id', '=', 'stray').executeTakeFirst()).toBeUndefined()
      expect(await db.selectFrom('projection_checkpoints').select('version').where('name', '=', 'current-owner').executeTakeFirst()).toEqual({ version: currentOwnerProjection.version + 1 })
    })

    it('folds into a projection only the events past its own checkpoint when a batch begins behind it', async () => {
      const store = await scenario()
      const db = await dialect.open()
      const applied: bigint[] = []
      const recording = (name: string) =>
        defineProjection<ReadModels, (typeof currentOwnerProjection.handles)[number]>({
          name,
          version: 1,
          handles: currentOwnerProjection.handles,
          tables: [],
          createTables: async () => undefined,
          load: async () => ({ apply: (event) => void (name === 'ahead' && applied.push(event.metadata.globalPosition)), save: async () => undefined }),
        })
      // 'ahead' stops after one batch; then 'behind', new, makes the batches begin at 1 again,
      // and 'ahead' must skip what it applied already, inside a batch.
      const first = projectionRuntime({ store, db, projections: [recording('ahead')], batchSize: 5, onProgress: () => void first.stop() })
      const stoppedAt = right(await first.runUntilCaughtUp()).position
      right(await projectionRuntime({ store, db, projections: [recording('ahead'), recording('behind')], batchSize: 8 }).runUntilCaughtUp())
      // Events on both sides of the stop were applied, each once.
      expect(applied.some((position) => position <= stoppedAt) && applied.some((position) => position > stoppedAt)).toBe(true)
      expect(applied.length).toBe(new Set(applied).size)
    })

    it('reports progress after every batch: done of total, and the rate', async () => {
      const store = await scenario()
      const head = Number(right(await store.headPosition()))
      const progress: Progress[] = []
      let ms = 0
      const stopwatch = () => (ms += 500)
      right(await projectionRuntime({ store, db: await dialect.open(), projections: readModelProjections, batchSize: 4, stopwatch, onProgress: (p) => progress.push(p) }).runUntilCaughtUp())
      expect(progress.map((p) => p.done)).toEqual(Array.from({ length: Math.ceil(head / 4) }, (_, i) => Math.min((i + 1) * 4, head)))
      expect(progress.every((p) => p.total === head)).toBe(true)
      expect(progress[0]).toMatchObject({ done: 4, position: 4n, eventsPerSecond: 8 })
    })

    it('commits batches of batchSize events even where slices do not divide it: a slice is split between two batches', async () => {
      const store = await scenario()
      const head = Number(right(await store.headPosition()))
      const progress: Progress[] = []
      // Slices of 3 in batches of 4: 1–3 and 4 in the first, 5–6 and 7–8 in the second, …
      right(await projectionRuntime({ store, db: await dialect.open(), projections: readModelProjections, batchSize: 4, sliceSize: 3, onProgress: (p) => progress.push(p) }).runUntilCaughtUp())
      expect(progress.map((p) => p.done)).toEqual(Array.from({ length: Math.ceil(head / 4) }, (_, i) => Math.min((i + 1) * 4, head)))
      const whole = await dialect.open()
      right(await projectionRuntime({ store, db: whole, projections: readModelProjections }).runUntilCaughtUp())
      const split = await dialect.open()
      right(await projectionRuntime({ store, db: split, projections: readModelProjections, batchSize: 4, sliceSize: 3 }).rebuild())
      expect(await tableContents(split)).toEqual(await tableContents(whole))
    })

    it('follows the log in live mode and stops cleanly', async () => {
      const store = await scenario()
      const db = await dialect.open()
      const runtime = projectionRuntime({ store, db, projections: readModelProjections, batchSize: 3 })
      const running = runtime.runLive({ pollIntervalMs: 5 })
      const head = right(await store.headPosition())
      const position = async () => (await db.selectFrom('projection_checkpoints').select('position').execute()).map((r) => BigInt(r.position))
      await vi.waitFor(async () => expect((await position()).every((p) => p === head)).toBe(true), { timeout: 10_000 })
      const { accountCommandHandler } = await import('@account-ownership/core')
      const { testPolicy } = await import('@account-ownership/core/testing')
      await accountCommandHandler({ store, policy: testPolicy }).handle(
        { type: 'OpenAccount', data: { accountId: 'kunde-5', tenantId: tenant, displayName: 'Neu GmbH', tier: 'standard' } },
        { commandId: 'live-1', actor: cast.dora, tenantId: tenant },
      )
      await vi.waitFor(async () => expect(await db.selectFrom('current_owners').select('account_id').where('account_id', '=', 'kunde-5').executeTakeFirst()).toBeDefined(), { timeout: 10_000 })
      await runtime.stop()
      expect(right(await running)).toMatchObject({ stopped: true, position: head + 1n })
    })

    it('refuses to apply a batch twice when another runtime moved the checkpoint', async () => {
      const store = await scenario()
      const db = await dialect.open()
      const meddler = defineProjection<ReadModels, 'AccountOpened'>({
        name: 'meddler',
        version: 1,
        handles: ['AccountOpened'],
        tables: [],
        createTables: async () => undefined,
        load: async (_events, tx) => ({
          apply: () => undefined,
          save: async () => void (await tx.updateTable('projection_checkpoints').set({ position: '1000' }).where('name', '=', 'meddler').execute()),
        }),
      })
      const outcome = await projectionRuntime({ store, db, projections: [meddler] }).runUntilCaughtUp()
      expect(E.isLeft(outcome) && outcome.left instanceof CheckpointMovedError && outcome.left.projection).toBe('meddler')
      expect(await db.selectFrom('projection_checkpoints').select('position').where('name', '=', 'meddler').executeTakeFirst()).toMatchObject({ position: expect.anything() })
      expect(String((await db.selectFrom('projection_checkpoints').select('position').where('name', '=', 'meddler').executeTakeFirstOrThrow()).position)).toBe('0')
    })

    it('refuses a batch when another version of the projection rebuilt its tables meanwhile', async () => {
      const store = await scenario()
      const db = await dialect.open()
      // A newer version rebuilt from zero while this runtime, also at zero, folded its first batch.
      const older = defineProjection<ReadModels, 'AccountOpened'>({
        name: 'rolling',
        version: 1,
        handles: ['AccountOpened'],
        tables: [],
        createTables: async () => undefined,
        load: async (_events, tx) => ({
          apply: () => undefined,
          save: async () => void (await tx.updateTable('projection_checkpoints').set({ version: 2 }).where('name', '=', 'rolling').execute()),
        }),
      })
      const outcome = await projectionRuntime({ store, db, projections: [older] }).runUntilCaughtUp()
      expect(E.isLeft(outcome) && outcome.left instanceof CheckpointMovedError && outcome.left.projection).toBe('rolling')
      expect(await db.selectFrom('projection_checkpoints').select('version').where('name', '=', 'rolling').executeTakeFirst()).toEqual({ version: 1 })
    })

    it('writes and reloads more rows than one statement can bind', async () => {
      const db = await dialect.open()
      await createCurrentOwnerTable(db)
      // 13 columns × 3,001 rows = 39,013 values, more than SQLite binds in one statement.
      const rows = Array.from({ length: 3001 }, (_, i) => ({ account_id: `kunde-${i}`, tenant_id: tenant, display_name: `Kunde ${i}`, sole_trader: 0, tier: 'standard', opened_at: 'x', ownership: 'unassigned', owner_id: null, ownership_since: null, previous_owner_id: null, lifecycle: 'open', archived_at: null, archive_reason: null, position: String(2n ** 60n + BigInt(i)) }) as const)
      await insertRows(db, 'current_owners', rows)
      const loaded = await loadBatchRows<CurrentOwnerTable>(db, { table: 'current_owners', key: ['account_id'], positions: ['position'] }, rows.map((r) => r.account_id))
      expect(loaded.openOf('kunde-3000')).toEqual([rows[3000]])
      loaded.update(loaded.openOf('kunde-7')[0]!, { tier: 'key' })
      await loaded.save(db)
      expect(await db.selectFrom('current_owners').select(['tier']).where('account_id', '=', 'kunde-7').executeTakeFirst()).toEqual({ tier: 'key' })
      expect(Number((await db.selectFrom('current_owners').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(3001)
    })

    it('refuses rows of one write with different columns, instead of dropping a column or writing it as null', async () => {
      const db = await dialect.open()
      await createCurrentOwnerTable(db)
      const row = { account_id: 'kunde-1', tenant_id: tenant, display_name: 'Kunde 1', sole_trader: 0, tier: 'standard', opened_at: 'x', ownership: 'unassigned', owner_id: null, ownership_since: null, previous_owner_id: null, lifecycle: 'open', archived_at: null, archive_reason: null, position: '1' }
      const { owner_id: _, ...withoutOwner } = { ...row, account_id: 'kunde-2' }
      await expect(insertRows(db, 'current_owners', [row, withoutOwner])).rejects.toThrow(/every row of one insert needs the columns/)
      await expect(insertRows(db, 'current_owners', [row, { ...row, account_id: 'kunde-3', extra: 1 }])).rejects.toThrow(/a row has .*extra/)
      expect(await db.selectFrom('current_owners').select('account_id').execute()).toEqual([])
    })

    it('hands out open rows as a copy, so that closing them while going through them closes each', async () => {
      const db = await dialect.open()
      await createOwnershipHistoryTable(db)
      const periods = await loadBatchRows<OwnershipPeriodTable>(db, { table: 'ownership_periods', key: ['account_id', 'began_at_position'], positions: ['began_at_position'], open: 'valid_to' }, ['kunde-1'])
      // Two open periods at once, as a log written by another tool may leave them.
      for (const position of ['1', '2']) periods.insert({ account_id: 'kunde-1', began_at_position: position, owner_id: 'p-1', valid_from: 'a', valid_to: null, began_with: 'assigned', reason_code: null, transfer_id: null, actor_id: 'dora', ended_with: null })
      for (const period of periods.openOf('kunde-1')) periods.update(period, { valid_to: 'b', ended_with: 'orphaned' })
      expect(periods.openOf('kunde-1')).toEqual([])
      await periods.save(db)
      expect(await db.selectFrom('ownership_periods').select('valid_to').where('valid_to', 'is', null).execute()).toEqual([])
    })

    it('resumes exactly at a checkpoint beyond 2^53', async () => {
      const inner = await scenario()
      const offset = 2n ** 60n
      const store: EventStore = {
        ...inner,
        headPosition: async () => E.map((head: bigint) => head + offset)(await inner.headPosition()),
        readAll: async function* (options = {}) {
          const shift = (p: bigint) => (p > offset ? p - offset : 1n)
          const { fromPosition, toPosition, ...rest } = options
          const inside = { ...rest, ...(fromPosition === undefined ? {} : { fromPosition: shift(fromPosition) }), ...(toPosition === undefined ? {} : { toPosition: shift(toPosition) }) }
          for await (const event of inner.readAll(inside)) {
            yield { ...event, metadata: { ...event.metadata, globalPosition: event.metadata.globalPosition + offset } }
          }
        },
      }
      const db = await dialect.open()
      const head = right(await store.headPosition())
      // Stop after the first batch so that the second run starts from a stored checkpoint.
      const first = projectionRuntime({ store, db, projections: readModelProjections, batchSize: 5, onProgress: () => void first.stop() })
      expect(right(await first.runUntilCaughtUp())).toMatchObject({ position: offset + 5n, stopped: true })
      expect(right(await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 5 }).runUntilCaughtUp())).toMatchObject({ position: head, stopped: false })
      const positions = await db.selectFrom('projection_checkpoints').select((eb) => eb.cast<string>('position', 'text').as('position')).execute()
      expect(positions.map((row) => row.position)).toEqual(readModelProjections.map(() => head.toString()))
    })

    it('returns a store failure as a value', async () => {
      const inner = await scenario()
      const store: EventStore = {
        ...inner,
        headPosition: () => inner.headPosition(),
        readAll: async function* () {
          yield* []
          throw new StoreUnavailableError('disk gone', true)
        },
      }
      const outcome = await projectionRuntime({ store, db: await dialect.open(), projections: readModelProjections }).runUntilCaughtUp()
      expect(E.isLeft(outcome) && outcome.left._tag).toBe('StoreUnavailableError')
      expect(E.isLeft(outcome) && !(outcome.left instanceof ProjectionFailedError)).toBe(true)
    })
  })
}
