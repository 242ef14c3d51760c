/**
 * One writer process of the PostgreSQL comparison, driven by its parent over IPC: it opens every
 * system on the parent's (already seeded) database, and for each `{ system, round, count }` runs
 * its own commands of that round on that system and answers the seconds they took and its RSS.
 * Usage: forked by postgres-comparison.ts with the database, the number of accounts, its writer
 * number and the number of writers.
 *
 * @module
 */
import { performance } from 'node:perf_hooks'
import { loadPeers } from './peers.js'
import { emmettPostgres, libraryPostgres, rawPostgres } from './postgres-contenders.js'
import { commandsOf } from './workloads.js'

const [database, accounts, writer, writers, withPeers] = process.argv.slice(2)
const systems = [await rawPostgres(database!, 0, true), await libraryPostgres(database!, 0, true)]
if (withPeers === 'peers') systems.push(await emmettPostgres(await loadPeers(), database!, 0, true))

process.on('message', async (message: { system: number; round: number; count: number } | 'exit') => {
  if (message === 'exit') {
    for (const s of systems) await s.close()
    process.exit(0)
  }
  const commands = commandsOf(Number(accounts), message.round, message.count, Number(writer), Number(writers))
  const start = performance.now()
  for (const c of commands) await systems[message.system]!.classify(c.account, c.score, c.commandId)
  process.send!({ seconds: (performance.now() - start) / 1000, rss: process.memoryUsage.rss() })
})
process.send!('ready')
