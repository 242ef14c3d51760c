import { copyLog, type EventStore, type ImportingEventStore, type StoredEvent } from '@account-ownership/core'
import { steppingClock } from '@account-ownership/core/testing'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { sql, type Kysely } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appendGeneratedLog } from './generated-log.js'
import { postgresDatabase } from './postgres-database.js'
import { spawnChild } from './processes/spawn-child.js'

const database = await postgresDatabase('copy')
const dir = mkdtempSync(join(tmpdir(), 'ao-copy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const sqliteStore = (name: string) => {
  const opened = openSqliteEventStore({ path: join(dir, name), clock: steppingClock() })
  if (E.isLeft(opened)) throw opened.left
  return opened.right
}
const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}
// The fields that matter: everything a stored row is, its link to its predecessor included.
const rowsOf = async (store: EventStore) =>
  (await collect(store.readStoredAll())).map((r: StoredEvent) => ({ ...r }))

// Every read-model table of a database, rebuilt from `store`, row by row in a fixed order.
const rebuiltReadModels = async (store: EventStore, file: string) => {
  const db: Kysely<ReadModels> = sqliteReadModels(join(dir, file))
  const rebuilt = await projectionRuntime({ store, db, projections: readModelProjections }).rebuild()
  if (E.isLeft(rebuilt)) throw rebuilt.left
  const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db)).rows
  const contents: Record<string, unknown[]> = {}
  for (const { name } of tables) contents[name] = (await sql.raw(`SELECT * FROM "${name}" ORDER BY 1, 2, 3`).execute(db)).rows
  await db.destroy()
  return contents
}

describe.skipIf(database.skip !== undefined)(`copyLog between SQLite and PostgreSQL${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('SQLite → PostgreSQL → SQLite gives the same log in every stored field, and read models rebuilt on the copy equal the original’s', async () => {
    const original = sqliteStore('original.db')
    const events = await appendGeneratedLog(original, 40)
    const postgres = await database.store({ schema: 'copy_there' })
    const there = await copyLog({ from: original, to: postgres, batchSize: 100 })
    expect(there).toEqual(E.right({ resumedFrom: 0n, copied: events, head: BigInt(events), verified: events }))
    const back = sqliteStore('back.db')
    const again = await copyLog({ from: postgres, to: back, batchSize: 64 })
    expect(again).toEqual(E.right({ resumedFrom: 0n, copied: events, head: BigInt(events), verified: events }))

    const rows = await rowsOf(original)
    expect(rows.length).toBe(events)
    expect(await rowsOf(postgres)).toEqual(rows)
    expect(await rowsOf(back)).toEqual(rows)
    expect((await collect(back.readAll({ verifyHashes: true }))).length).toBe(events)

    const models = await rebuiltReadModels(original, 'rm-original.db')
    expect(Object.keys(models).length).toBeGreaterThan(3)
    expect(await rebuiltReadModels(postgres, 'rm-postgres.db')).toEqual(models)
    expect(await rebuiltReadModels(back, 'rm-back.db')).toEqual(models)
    for (const s of [original, postgres, back]) await s.close()
  })

  it('resumes a copy that stopped half-way from the target’s head, and verifies the whole', async () => {
    const original = sqliteStore('resume-source.db')
    const events = await appendGeneratedLog(original, 12, 7)
    const target = await database.store({ schema: 'copy_resume' })
    // A target that fails on its third import, as a killed copy stops: two batches are in.
    let imports = 0
    const failing: ImportingEventStore = {
      ...target,
      importStored: async (rows) => (++imports === 3 ? E.left(new (await import('@account-ownership/core')).StoreUnavailableError('killed', true)) : target.importStored(rows)),
    }
    const stopped = await copyLog({ from: original, to: failing, batchSize: 10 })
    expect(stopped).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError' })))
    expect(await target.headPosition()).toEqual(E.right(20n))
    const resumed = await copyLog({ from: original, to: target, batchSize: 10 })
    expect(resumed).toEqual(E.right({ resumedFrom: 20n, copied: events - 20, head: BigInt(events), verified: events }))
    expect(await rowsOf(target)).toEqual(await rowsOf(original))
    await original.close()
    await target.close()
  })

  it('resumes after the copying process was SIGKILLed mid-copy', async () => {
    const original = sqliteStore('killed-source.db')
    const events = await appendGeneratedLog(original, 12, 3)
    await original.close()
    const killedAt = await new Promise<bigint>((resolve, reject) => {
      const child = spawnChild('log-copier.ts', [join(dir, 'killed-source.db'), database.name, 'copy_killed'])
      let last = 0n
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/copied (\d+)/g)) last = BigInt(m[1]!)
        if (last >= 20n) child.kill('SIGKILL')
      })
      child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error('the copier finished before it was killed'))))
    })
    const target = await database.store({ schema: 'copy_killed' })
    const head = await target.headPosition()
    // Whole batches only: the head is where a batch ended, at or after the last one reported.
    expect(E.isRight(head) && head.right >= killedAt && head.right % 5n === 0n).toBe(true)
    const source = sqliteStore('killed-source.db')
    const resumed = await copyLog({ from: source, to: target })
    expect(resumed).toEqual(E.right(expect.objectContaining({ head: BigInt(events), verified: events })))
    expect(E.isRight(resumed) && resumed.right.resumedFrom).toBe(E.isRight(head) && head.right)
    expect(await rowsOf(target)).toEqual(await rowsOf(source))
    await source.close()
    await target.close()
  }, 180_000) // a child process starting its own Node and tsx: slow on a busy machine

  it('refuses rows that do not continue the target’s log, writing nothing', async () => {
    const original = sqliteStore('refuse-source.db')
    await appendGeneratedLog(original, 3, 11)
    const rows = await collect(original.readStoredAll())
    const target = await database.store({ schema: 'copy_refuse' })
    const tampered = rows.map((r, i) => (i === 2 ? { ...r, data: r.data.replace(/"/, ' "') } : r))
    expect(await target.importStored(tampered)).toEqual(E.left(expect.objectContaining({ _tag: 'CorruptEventError', globalPosition: rows[2]!.globalPosition })))
    // Without the first event of its stream, the stream's next event does not continue it.
    const gap = rows.findIndex((r, i) => i > 0 && r.streamId === rows[0]!.streamId) - 1
    const renumbered = rows.slice(1).map((r, i) => ({ ...r, globalPosition: BigInt(i + 1) }))
    expect(await target.importStored(renumbered)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: `rows[${gap}].streamVersion` })))
    // Positions with a gap: the log would look as if an event had been taken out.
    const gapped = rows.map((r, i) => (i >= 3 ? { ...r, globalPosition: r.globalPosition + 10n } : r))
    expect(await target.importStored(gapped)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[3].globalPosition' })))
    expect(await target.importStored([])).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows' })))
    expect(await target.importStored([{ ...rows[0]!, hash: 7 } as unknown as StoredEvent])).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[0].hash' })))
    expect(await target.headPosition()).toEqual(E.right(0n))
    expect(E.isRight(await target.importStored(rows))).toBe(true)
    // The same rows again: positions are not after the head.
    expect(await target.importStored(rows.slice(0, 1))).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'rows[0].globalPosition' })))
    // A target holding another log is not resumed into.
    const other = sqliteStore('refuse-other.db')
    await appendGeneratedLog(other, 3, 99)
    expect(await copyLog({ from: other, to: target })).toEqual(E.left(expect.objectContaining({ _tag: 'CopyMismatchError' })))
    for (const s of [original, target, other]) await s.close()
  })
})
