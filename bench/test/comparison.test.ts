// The comparison benchmark in small (a few commands, no peers), so that it cannot rot between
// runs of `pnpm bench`: every workload runs on this library and the raw baselines, each
// system's stored events are checked against what it was given, and the check itself is shown
// to catch a lost and an extra event.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { eventLog } from '../projections/event-log.js'
import type { Contender } from '../comparison/contender.js'
import { compareOnPostgres, postgresTables } from '../comparison/postgres-comparison.js'
import { server } from '../comparison/postgres-contenders.js'
import { compareRebuilds } from '../comparison/rebuild-comparison.js'
import { allExact, checkStored, medianOf } from '../comparison/rounds.js'
import { compareOnSqlite, sqliteTables } from '../comparison/sqlite-comparison.js'

const dir = mkdtempSync(join(tmpdir(), 'ao-bench-smoke-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const plan = { rounds: 2, commands: 5, batches: 2, batchSize: 100, shortReads: 3, longReads: 1, shortLength: 10, longLength: 1000 }

const serverDown = await (async () => {
  const client = new pg.Client({ ...server, database: 'postgres', connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return undefined
  } catch (e) {
    return `no PostgreSQL at ${server.host}:${server.port} (${(e as Error).message})`
  }
})()

describe('the comparison benchmark, in small', () => {
  it('runs every SQLite workload on this library and raw better-sqlite3, and each stored exactly what it was given', async () => {
    const o = { dir, plan, accounts: [20, 50] as const, history: 4 }
    const results = await compareOnSqlite(o)
    expect(results.exact).toBe(true)
    const figures = [...results.commands, results.batch, ...results.reads]
    expect(figures).toHaveLength(6)
    for (const workload of figures) {
      expect(workload.map((f) => f.name)).toEqual(['raw better-sqlite3', 'this library'])
      for (const f of workload) expect(f.rates).toHaveLength(plan.rounds)
      for (const f of workload) expect(medianOf(f)).toBeGreaterThan(0)
    }
    const markdown = sqliteTables(o, results).join('\n')
    expect(markdown).toContain('### Commands on 50 streams')
    // seeded accounts + commands + batches + the short and the long stream
    const given = 20 + plan.rounds * plan.commands + plan.rounds * plan.batches * plan.batchSize + plan.shortLength + plan.longLength
    expect(markdown).toContain(`- this library: ${given.toLocaleString('en-US')} events, exactly the ${given.toLocaleString('en-US')} given.`)
    expect(markdown).toContain('### Commands on 20 streams with a history of 4 events each')
    const withHistory = 20 * 4 + plan.rounds * plan.commands
    expect(markdown).toContain(`After the part on streams with a history of 4 events:\n- raw better-sqlite3: ${withHistory.toLocaleString('en-US')} events, exactly`)
  })

  it.skipIf(serverDown !== undefined)(`runs every PostgreSQL workload, two writer processes included${serverDown ? ` — skipped: ${serverDown}` : ''}`, async () => {
    const o = { plan: { ...plan, longLength: 100 }, accounts: 20, writers: 2, writerCommands: 3 }
    const results = await compareOnPostgres(o)
    expect(results.exact).toBe(true)
    expect(results.writers.map((f) => f.name)).toEqual(['raw pg', 'this library'])
    // seeded accounts + commands + batches + the short and the long stream + the writers' commands
    const given = 20 + plan.rounds * plan.commands + plan.rounds * plan.batches * plan.batchSize + plan.shortLength + 100 + plan.rounds * 2 * 3
    expect(postgresTables(o, results).join('\n')).toContain(`- this library: ${given} events, exactly the ${given} given.`)
  })

  it('rebuilds the same current-owner read model with this library and raw better-sqlite3', async () => {
    const results = await compareRebuilds({ log: eventLog(10), events: 500, rounds: 2, batchSize: 100, dir })
    expect(results.agreed).toBe(true)
    expect(results.rows).toBe(10)
    expect(results.figures.map((f) => medianOf(f) > 0)).toEqual([true, true])
  })

  describe('the check after a run', () => {
    const given = ['s|a|1', 's|b|2', 's|b|2']
    const storing = (keys: string[]): Contender => ({ name: 'a system', stored: async () => keys }) as unknown as Contender

    it('passes a system that stored exactly what it was given, in any order', async () => {
      const [found] = await checkStored([storing(['s|b|2', 's|a|1', 's|b|2'])], given)
      expect(found).toEqual({ name: 'a system', count: 3, missing: 0, unexpected: 0, retried: 0 })
    })

    it('catches a lost event (one of two equal ones)', async () => {
      const found = await checkStored([storing(['s|a|1', 's|b|2'])], given)
      expect(found[0]).toMatchObject({ missing: 1, unexpected: 0 })
      expect(allExact(found)).toBe(false)
    })

    it('catches an event it was not given', async () => {
      const found = await checkStored([storing([...given, 's|c|3'])], given)
      expect(found[0]).toMatchObject({ missing: 0, unexpected: 1 })
      expect(allExact(found)).toBe(false)
    })
  })
})
