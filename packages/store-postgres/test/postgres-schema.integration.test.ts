import type { RecordedEvent } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { knownSchemaVersion, openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { openedAccount } from './live-read-model.js'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('schema')

describe.skipIf(database.skip !== undefined)(`schema creation and migration on open${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('creates a missing schema once, even when several stores open it at the same moment', async () => {
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresEventStore({ connection: database.connection, schema: 'racing' })))
    expect(opened.every(E.isRight)).toBe(true)
    const pool = database.pool()
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM racing.ao_schema_version ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: knownSchemaVersion }, (_, i) => i + 1))
    for (const o of opened) if (E.isRight(o)) await o.right.close()
  })

  it.each(['user', 'select', 'order'])('refuses the schema name %s, a word PostgreSQL reserves, as bad input naming the schema, and creates nothing', async (schema) => {
    const pool = database.pool(1)
    const opened = await openPostgresEventStore({ pool, schema })
    expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'schema' })))
    expect((await pool.query('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [schema])).rows[0]).toEqual({ n: 0 })
    // The pool's client went back whole: the next query on it works.
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })

  it('keeps schemas apart: two stores in two schemas of one database share nothing', async () => {
    const [a, b] = await Promise.all([database.store({ schema: 'kunden_a' }), database.store({ schema: 'kunden_b' })])
    const pool = database.pool()
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema IN ('kunden_a', 'kunden_b') AND table_name = 'ao_events'`)
    expect(rows[0]!.n).toBe('2')
    expect(a.commitChannel).not.toBe(b.commitChannel)
    await a.close()
    await b.close()
  })

  it('keeps schemas apart on one shared connection: each store reads its own log through statements the connection prepared for it', async () => {
    // One connection, so that the statements both stores prepare meet on it.
    const pool = database.pool(1)
    const stores = []
    for (const schema of ['geteilt_a', 'geteilt_b']) {
      const opened = await openPostgresEventStore({ pool, schema })
      if (E.isLeft(opened)) throw opened.left
      stores.push(opened.right)
    }
    const { stream, events } = openedAccount('geteilt')
    for (const [i, store] of stores.entries()) {
      const score = newEvent({ type: 'AccountClassified', data: { accountId: account('geteilt'), tier: 'standard', score: i, criteria: ['umsatz'], classifiedBy: 'dora' as never } })
      expect(E.isRight(await store.append(stream, [...events, score], { expectedVersion: 'no-stream' }))).toBe(true)
    }
    const scores = async (read: AsyncIterable<RecordedEvent>) => {
      const found: unknown[] = []
      for await (const e of read) if (e.type === 'AccountClassified') found.push(e.data.score)
      return found
    }
    // Twice, so that the second reads run the statements the connection prepared by then.
    for (let round = 0; round < 2; round++) {
      for (const [i, store] of stores.entries()) {
        expect(await scores(store.readStream(stream))).toEqual([i])
        expect(await scores(store.readAll())).toEqual([i])
        expect(await scores(store.readAll({ verifyHashes: true }))).toEqual([i])
        expect(await store.streamVersion(stream)).toEqual(E.right(BigInt(events.length)))
      }
    }
    for (const store of stores) await store.close()
  })

  it('migrates a log of schema version 1: the append on a known tip then runs as the procedure step 2 created', async () => {
    const { stream, events } = openedAccount('alt')
    const before = await database.store({ schema: 'version_one' })
    expect(E.isRight(await before.append(stream, events, { expectedVersion: 'no-stream' }))).toBe(true)
    await before.close()
    // Back to what release 0.2 wrote: the tables of step 1 only.
    const pool = database.pool()
    await pool.query('DROP PROCEDURE version_one.ao_append_on_tip')
    await pool.query('DELETE FROM version_one.ao_schema_version WHERE version > 1')

    const store = await database.store({ schema: 'version_one' })
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM version_one.ao_schema_version ORDER BY version')
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: knownSchemaVersion }, (_, i) => i + 1))
    const classified = (score: number) => newEvent({ type: 'AccountClassified', data: { accountId: account('alt'), tier: 'standard', score, criteria: ['umsatz'], classifiedBy: 'dora' as never } })
    // The first append learns the tip the long way; the second runs on it.
    const last = BigInt(events.length - 1)
    expect(await store.append(stream, [classified(1)], { expectedVersion: last })).toEqual(E.right(expect.objectContaining({ nextExpectedVersion: last + 1n })))
    expect(await store.append(stream, [classified(2)], { expectedVersion: last + 1n })).toEqual(
      E.right(expect.objectContaining({ nextExpectedVersion: last + 2n, lastGlobalPosition: BigInt(events.length + 2) })),
    )
    const read = []
    for await (const e of store.readAll({ verifyHashes: true })) read.push(e.metadata.globalPosition)
    expect(read).toEqual(Array.from({ length: events.length + 2 }, (_, i) => BigInt(i + 1)))
    await store.close()
  })

  it('refuses a schema a newer release wrote, and changes nothing in it', async () => {
    const store = await database.store({ schema: 'newer' })
    await store.close()
    const pool = database.pool()
    await pool.query('INSERT INTO newer.ao_schema_version (version) VALUES ($1)', [knownSchemaVersion + 1])
    const opened = await openPostgresEventStore({ connection: database.connection, schema: 'newer' })
    expect(opened).toEqual(E.left(expect.objectContaining({ _tag: 'PostgresSchemaError', found: knownSchemaVersion + 1, known: knownSchemaVersion })))
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM newer.ao_schema_version')
    expect(rows[0]!.n).toBe(String(knownSchemaVersion + 1))
  })
})
