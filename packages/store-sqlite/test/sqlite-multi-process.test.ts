import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { outputOf, spawnChild } from './processes/spawn-child.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('multi-process')

interface WorkerReport {
  readonly acked: ReadonlyArray<{ streamId: string; version: string; eventId: string }>
  readonly conflicts: ReadonlyArray<{ expected: string; actual: string }>
}

describe('several processes appending to the same streams', () => {
  it('writes every version exactly once, contiguously; the losers see ConcurrencyError; nothing is lost', async () => {
    const file = scratch.file()
    const workers = 3
    const perWorker = 150
    const streams = 2
    const reports = (
      await Promise.all(Array.from({ length: workers }, (_, w) => outputOf(spawnChild('append-worker.ts', [file, String(w), String(streams), String(perWorker)]))))
    ).map((out) => JSON.parse(out.trim()) as WorkerReport)

    const opened = openSqliteEventStore({ path: file })
    if (E.isLeft(opened)) throw opened.left
    const store = opened.right
    const rows: { streamId: string; version: bigint; eventId: string }[] = []
    for await (const e of store.readAll()) rows.push({ streamId: e.metadata.streamId, version: e.metadata.streamVersion, eventId: e.metadata.eventId })
    await store.close()

    // Nothing lost, nothing extra: every acknowledged append is a row, and every row was acknowledged.
    const acked = reports.flatMap((r) => r.acked)
    expect(acked).toHaveLength(workers * perWorker)
    expect(rows).toHaveLength(acked.length)
    const rowOf = new Map(rows.map((r) => [r.eventId, r]))
    for (const a of acked) expect(rowOf.get(a.eventId)).toEqual({ streamId: a.streamId, version: BigInt(a.version), eventId: a.eventId })

    // Every stream holds each version exactly once, from 0 without a gap.
    for (let s = 0; s < streams; s++) {
      const versions = rows.filter((r) => r.streamId === `account-shared-${s}`).map((r) => r.version)
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => BigInt(i)))
    }

    // Races happened, and each loser was told the version somebody else had written.
    const conflicts = reports.flatMap((r) => r.conflicts)
    expect(conflicts.length).toBeGreaterThan(0)
    for (const c of conflicts) expect(c.actual === 'no-stream' ? -1n : BigInt(c.actual)).toBeGreaterThan(c.expected === 'no-stream' ? -1n : BigInt(c.expected))
  })
})
