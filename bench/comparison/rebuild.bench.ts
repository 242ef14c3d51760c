// The rebuild comparison with Emmett SQLite and raw better-sqlite3, in one process (see
// rebuild-comparison.ts), on the projection benchmarks' log of 1 M events; Emmett's copy of the
// log is written once and kept beside it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eventLog, eventsPerAccount } from '../projections/event-log.js'
import { loadPeers } from './peers.js'
import { compareRebuilds } from './rebuild-comparison.js'
import { table } from './rounds.js'

const accounts = 20_000
const peers = await loadPeers()
const log = eventLog(accounts)
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-comparison-rebuild-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const o = { log, events: accounts * eventsPerAccount, rounds: 3, batchSize: 1000, dir, peers }
const results = await compareRebuilds(o)
console.log(
  [
    '## comparison: rebuild of a read model from 1 M events (SQLite) — this library, Emmett SQLite, raw better-sqlite3',
    '',
    `The current-owner read model (owner and tier of ${accounts.toLocaleString('en-US')} accounts; 54 % of the ${o.events.toLocaleString('en-US')} events touch it) rebuilt from zero into a new read model, ${o.rounds} rounds each, in one process; batches of ${o.batchSize} events, one transaction each with the checkpoint. This library and the raw baseline read the projection benchmarks' log; Emmett reads a copy of the same events in its own log (written once by its append, outside the timing), its consumer without the default 50 ms pause between batches. Versions: ${Object.entries(peers.versions).filter(([n]) => !n.includes('postgres')).map(([n, v]) => `${n} ${v}`).join(', ')}, better-sqlite3 13.2.0. Peak RSS: the process's high-water mark as the kernel keeps it, reset before each block, so it includes what was loaded and what the blocks before left allocated (the RSS at the block's start beside it); the 20 ms sampler used before never fired while a rebuild held the event loop.`,
    '',
    ...table('events/s', results.figures),
    '',
    results.agreed ? `After every round all read models held the same ${results.rows.toLocaleString('en-US')} rows (account, owner, tier).` : '**The read models differ.**',
    '',
  ].join('\n'),
)
if (!results.agreed) process.exitCode = 1
