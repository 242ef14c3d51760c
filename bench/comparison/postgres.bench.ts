// The PostgreSQL comparison with Emmett and raw pg, driven from one process (see
// postgres-comparison.ts); installs the peers into bench/peers on first use.
import { execFileSync } from 'node:child_process'
import { loadPeers } from './peers.js'
import { compareOnPostgres, postgresTables } from './postgres-comparison.js'

const peers = await loadPeers()
const plan = { rounds: 5, commands: 200, batches: 5, batchSize: 100, shortReads: 200, longReads: 10, shortLength: 10, longLength: 1000 }
const o = { plan, accounts: 10_000, writers: 4, writerCommands: 150, peers }
const setting = (name: string) => execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', `show ${name}`], { encoding: 'utf8' }).trim()
const results = await compareOnPostgres(o)
console.log(
  [
    '## comparison: PostgreSQL — this library, Emmett PostgreSQL, raw pg',
    '',
    `Driven from one process, all systems in one database of the local server (PostgreSQL ${setting('server_version')}, synchronous_commit = ${setting('synchronous_commit')}, fsync = ${setting('fsync')}, wal_sync_method = ${setting('wal_sync_method')}: every commit waits for its WAL flush). ${o.accounts.toLocaleString('en-US')} accounts seeded beforehand. ${plan.rounds} rounds, in each every system does the same block of work (the order turned each round); median of the rounds with min and max. Per block: ${plan.commands} commands; ${plan.batches} batch appends; ${plan.shortReads} reads of the short stream, ${plan.longReads} of the long one; ${o.writerCommands} commands per writer process. Versions: ${Object.entries(peers.versions).filter(([n]) => !n.includes('sqlite')).map(([n, v]) => `${n} ${v}`).join(', ')}, pg 8.23.1.`,
    '',
    ...postgresTables(o, results),
    '',
  ].join('\n'),
)
if (!results.exact) process.exitCode = 1
