// A query compiled once per database: each call's arguments reach the database as parameters,
// each database gets its own compiled query, and a Transaction compiles for itself.
import { precompiled } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import type { Kysely } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

interface Db {
  readonly principals: { readonly principal_id: string; readonly name: string }
}

const dir = mkdtempSync(join(tmpdir(), 'ao-precompiled-'))
const file = (name: string) => join(dir, `${name}.db`)
const opened: Kysely<Db>[] = []
afterAll(async () => {
  for (const db of opened) await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const database = async (name: string, rows: ReadonlyArray<Db['principals']>): Promise<Kysely<Db>> => {
  const db = sqliteReadModels<Db>(file(name))
  opened.push(db)
  await db.schema.createTable('principals').addColumn('principal_id', 'text', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).execute()
  await db.insertInto('principals').values([...rows]).execute()
  return db
}

const named = precompiled((db: Kysely<Db>, { from, to }: { readonly from: string; readonly to: string }) => db.selectFrom('principals').select('principal_id').where('name', '>=', from).where('name', '<', to).orderBy('principal_id').limit(2), ['from', 'to'])

describe('a precompiled query', () => {
  it('answers each call with its own arguments, on each database its own rows', async () => {
    const a = await database('a.db', [{ principal_id: 'hanna', name: 'Hanna' }, { principal_id: 'sven', name: 'Sven' }])
    const b = await database('b.db', [{ principal_id: 'felix', name: 'Felix' }])
    expect((await named(a, { from: 'A', to: 'I' })).rows).toEqual([{ principal_id: 'hanna' }])
    expect((await named(a, { from: 'I', to: 'T' })).rows).toEqual([{ principal_id: 'sven' }])
    expect((await named(b, { from: 'A', to: 'Z' })).rows).toEqual([{ principal_id: 'felix' }])
    expect((await named(a, { from: 'A', to: 'Z' })).rows).toEqual([{ principal_id: 'hanna' }, { principal_id: 'sven' }])
  })

  it('keeps the parameters that are no argument (here the limit) as compiled', async () => {
    const db = await database('limit.db', ['ada', 'ben', 'zoe'].map((id) => ({ principal_id: id, name: id })))
    expect((await named(db, { from: 'a', to: 'zz' })).rows).toEqual([{ principal_id: 'ada' }, { principal_id: 'ben' }])
  })

  it('passes an argument as a parameter, never as SQL', async () => {
    const db = await database('quotes.db', [{ principal_id: "o'brien", name: "O'Brien" }])
    expect((await named(db, { from: "O'", to: "O'C" })).rows).toEqual([{ principal_id: "o'brien" }])
    expect((await named(db, { from: "' or 1=1 --", to: "' or 1=1 --" })).rows).toEqual([])
  })

  it('runs inside a transaction', async () => {
    const db = await database('tx.db', [{ principal_id: 'ada', name: 'Ada' }])
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('principals').values({ principal_id: 'ben', name: 'Ben' }).execute()
      expect((await named(tx, { from: 'A', to: 'C' })).rows).toEqual([{ principal_id: 'ada' }, { principal_id: 'ben' }])
    })
  })
})

describe('a precompiled query whose builder does not pass an argument through unchanged', () => {
  // Each would freeze a placeholder into the statement and answer every call as if asked for it.
  const changed = precompiled((db: Kysely<Db>, { name }: { readonly name: string }) => db.selectFrom('principals').select('principal_id').where('name', '=', name.toUpperCase()), ['name'])
  const unused = precompiled((db: Kysely<Db>, _: { readonly name: string; readonly other: string }) => db.selectFrom('principals').select('principal_id'), ['name', 'other'])

  it('is refused when first run, naming what is wrong', async () => {
    const db = await database('refused.db', [{ principal_id: 'ada', name: 'ADA' }])
    await expect(changed(db, { name: 'ada' })).rejects.toThrow(/a placeholder was changed/)
    await expect(unused(db, { name: 'ada', other: 'x' })).rejects.toThrow(/no parameter holds name, other/)
  })
})
