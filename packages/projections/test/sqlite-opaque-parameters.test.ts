// The plugin that hides bound values from SQLite's planner: what it changes in the SQL, and that
// no query answers differently for it, on a real SQLite file.
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { opaqueParameters } from '@account-ownership/projections/sqlite'

interface Tables {
  readonly periods: { readonly account_id: string; readonly position: number; readonly note: string | null }
}

const dir = mkdtempSync(join(tmpdir(), 'ao-opaque-parameters-'))
const sqlite = new Database(join(dir, 'read-models.db'))
afterAll(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})
const plain = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) })
const opaque = plain.withPlugin(opaqueParameters)

describe('opaqueParameters: the SQL', () => {
  it('casts a LIMIT, an OFFSET and a text compared with = or a range, keeping each a parameter', () => {
    const query = opaque.selectFrom('periods').selectAll().where('account_id', '=', 'kunde-1').where('note', '>=', 'a').orderBy('position').limit(1).offset(2).compile()
    expect(query.sql).toBe(
      'select * from "periods" where "account_id" = cast(? as text) and "note" >= cast(? as text) order by "position" limit cast(? as integer) offset cast(? as integer)',
    )
    expect(query.parameters).toEqual(['kunde-1', 'a', 1, 2])
  })

  it('leaves numbers, nulls, LIKE and IN alone, which the planner does not prepare again for', () => {
    const query = opaque
      .selectFrom('periods')
      .selectAll()
      .where('position', '>', 3)
      .where('note', 'is', null)
      .where('note', 'like', 'k%')
      .where('account_id', 'in', ['a', 'b'])
      .compile()
    expect(query.sql).toBe('select * from "periods" where "position" > ? and "note" is null and "note" like ? and "account_id" in (?, ?)')
  })

  it('leaves a text compared with an expression alone: a function, arithmetic or an aggregate has no type the cast may not change', async () => {
    await sql`create table if not exists expressions (name text not null, position bigint not null)`.execute(plain)
    await sql`insert into expressions values ('kunde', 10), ('kunde-10', 9)`.execute(plain)
    const lengthIs = (db: Kysely<any>) => db.selectFrom('expressions').select('name').where(sql`length(name)`, '=', '5').orderBy('name')
    const below = (db: Kysely<any>) => db.selectFrom('expressions').select('name').where(sql`position + 0`, '<', '9').orderBy('name')
    expect(lengthIs(opaque as Kysely<any>).compile().sql).not.toContain('cast')
    for (const query of [lengthIs, below]) expect(await query(opaque as Kysely<any>).execute()).toEqual(await query(plain as Kysely<any>).execute())
  })

  it('casts inside subqueries and joins too', () => {
    const query = opaque
      .selectFrom('periods as p')
      .select('p.account_id')
      .where((eb) => eb.exists(eb.selectFrom('periods as q').select('q.position').where('q.account_id', '=', 'kunde-2').limit(1)))
      .compile()
    expect(query.sql).toContain('"q"."account_id" = cast(? as text) limit cast(? as integer)')
  })
})

describe('opaqueParameters: the answers', () => {
  const operators = ['=', '!=', '<>', '<', '<=', '>', '>='] as const
  // Texts that look like numbers and numbers, compared with a text and with an integer column.
  const value = fc.oneof(fc.constantFrom('kunde-1', 'kunde-10', '7', '07', '7.0', '', 'Kunde-1'), fc.integer({ min: -2, max: 12 }).map(String), fc.integer({ min: -2, max: 12 }))
  const row = fc.record({ account_id: fc.constantFrom('kunde-1', 'kunde-10', '7', '07', 'Kunde-1'), position: fc.integer({ min: -2, max: 12 }), note: fc.option(fc.constantFrom('a', 'b', '5'), { nil: null }) })

  it('every comparison and limit answers the same rows with and without the plugin', async () => {
    await plain.schema.createTable('periods').ifNotExists().addColumn('account_id', 'text', (c) => c.notNull()).addColumn('position', 'integer', (c) => c.notNull()).addColumn('note', 'text').execute()
    await plain.schema.createIndex('periods_by_account').ifNotExists().on('periods').columns(['account_id', 'position']).execute()
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 20 }),
        fc.constantFrom('account_id', 'position', 'note'),
        fc.constantFrom(...operators),
        value,
        fc.integer({ min: 0, max: 5 }),
        async (rows, column, operator, compared, limit) => {
          await plain.deleteFrom('periods').execute()
          if (rows.length > 0) await plain.insertInto('periods').values(rows).execute()
          const query = (db: Kysely<Tables>) =>
            db
              .selectFrom('periods')
              .selectAll()
              .where(column, operator, compared as never)
              .orderBy('position')
              .orderBy('account_id')
              .orderBy('note')
              .limit(limit)
              .execute()
          expect(await query(opaque)).toEqual(await query(plain))
        },
      ),
      { numRuns: 300 },
    )
  })
})
