// The EventStoreDB filtered-read benchmark in small (8 streams, one round), so that it cannot rot
// between runs of `pnpm bench`: it runs to the end and finds the counts on the wire it expects.
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const bench = join(dirname(fileURLToPath(import.meta.url)), '../store-eventstoredb/filtered-read.bench.ts')

describe('the EventStoreDB filtered-read benchmark, in small', () => {
  it('reads half of the log filtered on the server, all of it unfiltered, every type both ways, and says the counts agree', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', bench], { encoding: 'utf8', env: { ...process.env, ESDB_BENCH_ACCOUNTS: '8', ESDB_BENCH_ROUNDS: '1' } })
    expect(out).toMatch(/\| by type, filtered on the server \| 400 \| 400 \|/)
    // 801 records, and the event the second page of 500 starts with again.
    expect(out).toMatch(/\| by type, unfiltered on the wire \| 802 \| 400 \|/)
    expect(out).toMatch(/\| every type, filtered on the server \| 800 \| 800 \|/)
    expect(out).toContain('Counts as expected')
  })
})
