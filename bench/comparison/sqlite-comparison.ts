/**
 * The SQLite comparison, in one process: this library beside raw better-sqlite3 and (when the
 * peers are given) Emmett SQLite at its defaults and tuned, on commands over a small and a large
 * number of streams and over streams with a history, batch appends and reads of a short and a
 * long stream; after each part a check that every system stored exactly the events it was given.
 *
 * @module
 */
import { join } from 'node:path'
import type { Contender } from './contender.js'
import type { Peers } from './peers.js'
import { allExact, checkLines, checkStored, table, type Figure } from './rounds.js'
import { emmettSqlite, librarySqlite, rawSqlite } from './sqlite-contenders.js'
import { streamFacts, streamOf } from './contender.js'
import { batchAndReadTables, batchWorkload, commandWorkload, keysOf, readWorkload, seededKeys, type Plan } from './workloads.js'

/** What to compare and how much. */
export interface SqliteComparison {
  /** A directory for the files, one per system and part. */
  readonly dir: string
  readonly plan: Plan
  /** The streams of the first part (all workloads) and of the second (commands only). */
  readonly accounts: readonly [number, number]
  /**
   * The events each stream of the third part holds before its commands (as many streams as the
   * first part): an account's history of transfers, grants and reviews over the years, which a
   * system that reads its stream for every command reads again and again.
   */
  readonly history: number
  /** Emmett, when it is installed; without it only this library and the raw baseline run. */
  readonly peers?: Peers | undefined
}

/** The figures of the comparison, per workload, and whether every check passed. */
export interface SqliteResults {
  readonly commands: ReadonlyArray<ReadonlyArray<Figure>>
  readonly batch: ReadonlyArray<Figure>
  readonly reads: ReadonlyArray<ReadonlyArray<Figure>>
  readonly checks: ReadonlyArray<string>
  readonly exact: boolean
}

const systemsOn = async (o: SqliteComparison, part: string, accounts: number): Promise<Contender[]> => {
  const file = (name: string) => join(o.dir, `${part}-${name}.db`)
  const systems = [rawSqlite(file('raw'), accounts), await librarySqlite(file('library'), accounts)]
  if (o.peers !== undefined)
    systems.push(
      await emmettSqlite(o.peers, file('emmett-defaults'), accounts, { kind: 'defaults' }),
      await emmettSqlite(o.peers, file('emmett-full'), accounts, { kind: 'shared connection', synchronous: 'FULL' }),
      await emmettSqlite(o.peers, file('emmett-normal'), accounts, { kind: 'shared connection', synchronous: 'NORMAL' }),
    )
  return systems
}

const closeAll = async (systems: ReadonlyArray<Contender>) => {
  for (const s of systems) await s.close()
}

/** Runs the comparison; each part's systems are closed before the next part opens its own. */
export const compareOnSqlite = async (o: SqliteComparison): Promise<SqliteResults> => {
  const [small, large] = o.accounts
  const checks: string[] = []
  let exact = true

  const first = await systemsOn(o, 'small', small)
  const givenSmall = seededKeys(small)
  const commandsSmall = await commandWorkload(first, small, o.plan, givenSmall)
  const batch = await batchWorkload(first, o.plan, givenSmall)
  const short = await readWorkload(first, o.plan, o.plan.shortLength, o.plan.shortReads, givenSmall)
  const long = await readWorkload(first, o.plan, o.plan.longLength, o.plan.longReads, givenSmall)
  const storedSmall = await checkStored(first, givenSmall)
  exact &&= allExact(storedSmall)
  checks.push(`After the ${small.toLocaleString('en-US')}-stream part:`, ...checkLines(storedSmall, givenSmall.length))
  await closeAll(first)

  const second = await systemsOn(o, 'large', large)
  const givenLarge = seededKeys(large)
  const commandsLarge = await commandWorkload(second, large, o.plan, givenLarge)
  const storedLarge = await checkStored(second, givenLarge)
  exact &&= allExact(storedLarge)
  checks.push(`After the ${large.toLocaleString('en-US')}-stream part:`, ...checkLines(storedLarge, givenLarge.length))
  await closeAll(second)

  // Each system writes the histories through its own batch append, outside the timing.
  const third = await systemsOn(o, 'history', 0)
  const givenHistory: string[] = []
  for (let a = 0; a < small; a++) {
    const facts = streamFacts(a, o.history, `h-${a}`)
    givenHistory.push(...keysOf(streamOf(a), facts))
    for (const system of third) await system.appendBatch(streamOf(a), facts)
  }
  const commandsHistory = await commandWorkload(third, small, o.plan, givenHistory)
  const storedHistory = await checkStored(third, givenHistory)
  exact &&= allExact(storedHistory)
  checks.push(`After the part on streams with a history of ${o.history} events:`, ...checkLines(storedHistory, givenHistory.length))
  await closeAll(third)

  return { commands: [commandsSmall, commandsLarge, commandsHistory], batch, reads: [short, long], checks, exact }
}

/** The results as markdown tables, one per workload. */
export const sqliteTables = (o: SqliteComparison, r: SqliteResults): string[] => [
  `### Commands on ${o.accounts[0].toLocaleString('en-US')} streams (load, decide, append one event)`,
  '',
  ...table('commands/s', r.commands[0]!),
  '',
  `### Commands on ${o.accounts[1].toLocaleString('en-US')} streams`,
  '',
  ...table('commands/s', r.commands[1]!),
  '',
  `### Commands on ${o.accounts[0].toLocaleString('en-US')} streams with a history of ${o.history} events each`,
  '',
  ...table('commands/s', r.commands[2]!),
  '',
  ...batchAndReadTables(o.plan, r.batch, r.reads),
  ...r.checks,
]
