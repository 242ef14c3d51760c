// The SQLite comparison with Emmett and raw better-sqlite3, in one process (see
// sqlite-comparison.ts); installs the peers into bench/peers on first use.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadPeers } from './peers.js'
import { compareOnSqlite, sqliteTables } from './sqlite-comparison.js'

// Emmett SQLite logs a failed commit with console.log: stdout carries this benchmark's markdown only.
const markdown = console.log
console.log = console.error
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-comparison-sqlite-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const peers = await loadPeers()
const plan = { rounds: 5, commands: 300, batches: 20, batchSize: 100, shortReads: 500, longReads: 20, shortLength: 10, longLength: 1000 }
const o = { dir, plan, accounts: [1_000, 100_000] as const, history: 50, peers }
const results = await compareOnSqlite(o)
markdown(
  [
    '## comparison: SQLite — this library, Emmett SQLite, raw better-sqlite3',
    '',
    `One process, every system on a file of its own in the same directory; ${plan.rounds} rounds, in each every system does the same block of work (the order turned each round); median of the rounds with min and max. Commands per block: ${plan.commands}; batch appends per block: ${plan.batches}; reads per block: ${plan.shortReads} of the short stream, ${plan.longReads} of the long one. Durability: WAL and synchronous = FULL (a sync per commit) unless a row says NORMAL. Versions: ${Object.entries(peers.versions).map(([n, v]) => `${n} ${v}`).join(', ')}, better-sqlite3 13.2.0.`,
    '',
    ...sqliteTables(o, results),
    '',
  ].join('\n'),
)
if (!results.exact) process.exitCode = 1
