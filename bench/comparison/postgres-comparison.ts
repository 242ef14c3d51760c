/**
 * The PostgreSQL comparison, driven from one process: this library beside raw pg and (when the
 * peers are given) Emmett PostgreSQL, on commands, batch appends and reads of a short and a long
 * stream in this process, then on commands from several writer processes at once; after the run
 * a check that every system stored exactly the events it was given.
 *
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Contender } from './contender.js'
import type { Peers } from './peers.js'
import { emmettPostgres, libraryPostgres, rawPostgres, server } from './postgres-contenders.js'
import { allExact, checkLines, checkStored, table, type Figure } from './rounds.js'
import { batchAndReadTables, batchWorkload, commandKeys, commandsOf, commandWorkload, readWorkload, seededKeys, type Plan } from './workloads.js'

/** What to compare and how much. */
export interface PostgresComparison {
  readonly plan: Plan
  readonly accounts: number
  /** Writer processes of the last workload, and commands per writer per round. */
  readonly writers: number
  readonly writerCommands: number
  readonly peers?: Peers | undefined
}

/** The figures per workload and the check. */
export interface PostgresResults {
  readonly commands: ReadonlyArray<Figure>
  readonly batch: ReadonlyArray<Figure>
  readonly reads: ReadonlyArray<ReadonlyArray<Figure>>
  readonly writers: ReadonlyArray<Figure>
  readonly checks: ReadonlyArray<string>
  readonly exact: boolean
}

const writerScript = fileURLToPath(new URL('./postgres-writer.ts', import.meta.url))

const answer = (child: ChildProcess) => new Promise<{ seconds: number; rss: number }>((resolve) => child.once('message', (m) => resolve(m as { seconds: number; rss: number })))

// Every system in turn, each round, all writers at once; the rate counts from the parent's
// order to the last writer's answer.
const writersWorkload = async (o: PostgresComparison, database: string, systems: ReadonlyArray<Contender>, given: string[]): Promise<Figure[]> => {
  const children = Array.from({ length: o.writers }, (_, w) =>
    fork(writerScript, [database, String(o.accounts), String(w), String(o.writers), o.peers === undefined ? 'none' : 'peers'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  )
  await Promise.all(children.map((c) => new Promise((resolve) => c.once('message', resolve))))
  const rates = systems.map(() => [] as number[])
  const peaks = systems.map(() => 0)
  for (let r = 0; r < o.plan.rounds; r++) {
    for (let w = 0; w < o.writers; w++) given.push(...commandKeys(commandsOf(o.accounts, 1000 + r, o.writerCommands, w, o.writers)))
    for (let k = 0; k < systems.length; k++) {
      const i = (k + r) % systems.length
      const start = performance.now()
      const answers = await Promise.all(children.map((c) => (c.send({ system: i, round: 1000 + r, count: o.writerCommands }), answer(c))))
      rates[i]!.push((o.writers * o.writerCommands) / ((performance.now() - start) / 1000))
      peaks[i] = Math.max(peaks[i]!, ...answers.map((a) => a.rss))
    }
  }
  await Promise.all(children.map((c) => new Promise((resolve) => (c.once('exit', resolve), c.send('exit')))))
  return systems.map((s, i) => ({ name: s.name, rates: rates[i]!, peakRssMb: Math.round(peaks[i]! / 2 ** 20) }))
}

/** Runs the comparison in a database of its own, dropped at the end. */
export const compareOnPostgres = async (o: PostgresComparison): Promise<PostgresResults> => {
  const database = `ao_bench_comparison_${process.pid}`
  const admin = new pg.Client({ ...server, database: 'postgres' })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${database}`)
  try {
    const systems: Contender[] = [await rawPostgres(database, o.accounts), await libraryPostgres(database, o.accounts)]
    if (o.peers !== undefined) systems.push(await emmettPostgres(o.peers, database, o.accounts))
    const given = seededKeys(o.accounts)
    const commands = await commandWorkload(systems, o.accounts, o.plan, given)
    const batch = await batchWorkload(systems, o.plan, given)
    const short = await readWorkload(systems, o.plan, o.plan.shortLength, o.plan.shortReads, given)
    const long = await readWorkload(systems, o.plan, o.plan.longLength, o.plan.longReads, given)
    const writers = await writersWorkload(o, database, systems, given)
    const stored = await checkStored(systems, given)
    for (const s of systems) await s.close()
    return { commands, batch, reads: [short, long], writers, checks: ['After the run:', ...checkLines(stored, given.length)], exact: allExact(stored) }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  }
}

/** The results as markdown tables, one per workload. */
export const postgresTables = (o: PostgresComparison, r: PostgresResults): string[] => [
  `### Commands on ${o.accounts.toLocaleString('en-US')} streams (load, decide, append one event), one process`,
  '',
  ...table('commands/s', r.commands),
  '',
  ...batchAndReadTables(o.plan, r.batch, r.reads),
  `### Commands from ${o.writers} writer processes at once (each on its own streams)`,
  '',
  ...table('commands/s', r.writers).map((line) => line.replace('peak RSS (MB)', 'peak RSS of a writer (MB)')),
  '',
  ...r.checks,
]
