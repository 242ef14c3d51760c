// core's copyLog into and out of EventStoreDB (the gRPC test double), whose positions are the
// server's: the rows keep everything else — ids, versions, times, metadata, hashes — and their
// order, a contiguous target numbers them 1, 2, 3 … again, and a stopped copy resumes after the
// event the target holds last.
import { StoreUnavailableError, copyLog, type EventStore, type ImportingEventStore, type StoredEvent } from '@account-ownership/core'
import { steppingClock } from '@account-ownership/core/testing'
import { verifyChain } from '@account-ownership/dsgvo'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { sql, type Kysely } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { appendGeneratedLog } from '../../store-postgres/test/generated-log.js'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'

const dir = mkdtempSync(join(tmpdir(), 'ao-esdb-copy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const opened: EventStore[] = []
afterEach(async () => {
  for (const store of opened.splice(0)) await (store.positions === 'increasing' ? closeStoreOnDouble(store) : store.close())
})

const sqliteStore = (name: string) => {
  const store = openSqliteEventStore({ path: join(dir, name), clock: steppingClock() })
  if (E.isLeft(store)) throw store.left
  opened.push(store.right)
  return store.right
}
const esdbStore = async (): Promise<ImportingEventStore> => {
  const { store } = await storeOnDouble()
  opened.push(store)
  return store as ImportingEventStore
}
const rowsOf = async (store: EventStore): Promise<StoredEvent[]> => {
  const rows: StoredEvent[] = []
  for await (const row of store.readStoredAll()) rows.push({ ...row })
  return rows
}
const withoutPositions = (rows: ReadonlyArray<StoredEvent>) => rows.map(({ globalPosition: _, ...rest }) => rest)
const headOf = async (store: EventStore) => E.getOrElse<unknown, bigint>(() => -1n)(await store.headPosition())

// Every read-model table rebuilt from `store`, row by row in a fixed order.
const rebuiltReadModels = async (store: EventStore, file: string) => {
  const db: Kysely<ReadModels> = sqliteReadModels(join(dir, file))
  const rebuilt = await projectionRuntime({ store, db, projections: readModelProjections }).rebuild()
  if (E.isLeft(rebuilt)) throw rebuilt.left
  const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%checkpoint%' ORDER BY name`.execute(db)).rows
  const contents: Record<string, unknown[]> = {}
  for (const { name } of tables) contents[name] = (await sql.raw(`SELECT * FROM "${name}" ORDER BY 1, 2, 3`).execute(db)).rows
  await db.destroy()
  return contents
}

const withoutPositionColumns = (models: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(models).map(([table, rows]) => [table, rows.map((row) => Object.fromEntries(Object.entries(row as object).filter(([column]) => !column.includes('position'))))]))

// A target that fails on its `failOn`th import, as a killed copy stops.
const failingOn = (failOn: number, target: ImportingEventStore): ImportingEventStore => {
  let imports = 0
  return { ...target, importStored: async (rows) => (++imports === failOn ? E.left(new StoreUnavailableError('killed', true)) : target.importStored(rows)) }
}

describe('copyLog with EventStoreDB (gRPC test double)', () => {
  it('SQLite → EventStoreDB → SQLite gives back the same log, positions included; EventStoreDB holds it in order with positions of its own', async () => {
    const original = sqliteStore('original.db')
    const events = await appendGeneratedLog(original, 30)
    const esdb = await esdbStore()
    expect(await copyLog({ from: original, to: esdb, batchSize: 100 })).toEqual(E.right({ resumedFrom: 0n, copied: events, head: BigInt(events), verified: events }))
    const back = sqliteStore('back.db')
    expect(await copyLog({ from: esdb, to: back, batchSize: 64 })).toEqual(E.right({ resumedFrom: 0n, copied: events, head: await headOf(esdb), verified: events }))

    const rows = await rowsOf(original)
    const onEsdb = await rowsOf(esdb)
    expect(withoutPositions(onEsdb)).toEqual(withoutPositions(rows))
    expect(onEsdb.every((r, i) => i === 0 || r.globalPosition > onEsdb[i - 1]!.globalPosition)).toBe(true)
    expect(onEsdb.map((r) => r.globalPosition)).not.toEqual(rows.map((r) => r.globalPosition))
    expect(await rowsOf(back)).toEqual(rows)
    expect(await verifyChain(back)).toEqual(E.right(expect.objectContaining({ events, lastPosition: BigInt(events) })))
    expect(await verifyChain(esdb)).toEqual(E.right(expect.objectContaining({ events })))

    const models = await rebuiltReadModels(original, 'rm-original.db')
    expect(Object.keys(models).length).toBeGreaterThan(3)
    // Read models that note positions note EventStoreDB's there; every other column is the same.
    expect(withoutPositionColumns(await rebuiltReadModels(esdb, 'rm-esdb.db'))).toEqual(withoutPositionColumns(models))
    expect(await rebuiltReadModels(back, 'rm-back.db')).toEqual(models)
  })

  it('a copy into EventStoreDB that stopped resumes after the source event the target holds last', async () => {
    const original = sqliteStore('resume-into.db')
    const events = await appendGeneratedLog(original, 12, 7)
    const esdb = await esdbStore()
    expect(await copyLog({ from: original, to: failingOn(3, esdb), batchSize: 10 })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError' })))
    expect((await rowsOf(esdb)).length).toBe(20)
    expect(await copyLog({ from: original, to: esdb, batchSize: 10 })).toEqual(E.right({ resumedFrom: 20n, copied: events - 20, head: BigInt(events), verified: events }))
    expect(withoutPositions(await rowsOf(esdb))).toEqual(withoutPositions(await rowsOf(original)))
  })

  it('a copy out of EventStoreDB that stopped resumes at the EventStoreDB position of the target’s last event, and numbers on from there', async () => {
    const original = sqliteStore('resume-out-source.db')
    const events = await appendGeneratedLog(original, 12, 5)
    const esdb = await esdbStore()
    expect(E.isRight(await copyLog({ from: original, to: esdb }))).toBe(true)
    const back = sqliteStore('resume-out.db')
    expect(await copyLog({ from: esdb, to: failingOn(2, back), batchSize: 10 })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError' })))
    const tenth = (await rowsOf(esdb))[9]!.globalPosition
    expect(await copyLog({ from: esdb, to: back, batchSize: 10 })).toEqual(E.right({ resumedFrom: tenth, copied: events - 10, head: await headOf(esdb), verified: events }))
    expect(await rowsOf(back)).toEqual(await rowsOf(original))
  })

  it('EventStoreDB refuses rows that do not continue its log, writing nothing, and a copy into another log', async () => {
    const original = sqliteStore('refuse-source.db')
    await appendGeneratedLog(original, 3, 11)
    const rows = await rowsOf(original)
    const esdb = await esdbStore()
    const tampered = rows.map((r, i) => (i === 2 ? { ...r, data: r.data.replace(/"/, ' "') } : r))
    expect(await esdb.importStored(tampered)).toEqual(E.left(expect.objectContaining({ _tag: 'CorruptEventError', globalPosition: rows[2]!.globalPosition })))
    const gap = rows.findIndex((r, i) => i > 0 && r.streamId === rows[0]!.streamId) - 1
    expect(await esdb.importStored(rows.slice(1))).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: `rows[${gap}].streamVersion` })))
    expect(await esdb.importStored([])).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows' })))
    expect(await esdb.importStored([rows[1]!, rows[0]!])).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[1].globalPosition' })))
    expect(await rowsOf(esdb)).toEqual([])
    expect(E.isRight(await esdb.importStored(rows))).toBe(true)
    // The same rows again do not continue the streams they are in now.
    expect(await esdb.importStored(rows.slice(0, 1))).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[0].streamVersion' })))
    const other = sqliteStore('refuse-other.db')
    await appendGeneratedLog(other, 3, 99)
    expect(await copyLog({ from: other, to: esdb })).toEqual(E.left(expect.objectContaining({ _tag: 'CopyMismatchError' })))
  })
})
