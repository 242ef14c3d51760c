import type { RecordedEvent } from '@account-ownership/core'
import { describe, expect, it } from 'vitest'
import { postgresDatabase } from './postgres-database.js'
import { outputOf, spawnChild } from './processes/spawn-child.js'

const database = await postgresDatabase('processes')
const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

interface WorkerReport {
  readonly acked: ReadonlyArray<{ streamId: string; version: string; position: string; eventId: string }>
  readonly conflicts: ReadonlyArray<{ expected: string; actual: string }>
}

describe.skipIf(database.skip !== undefined)(`four writer processes on one database${database.skip ? ` — skipped: ${database.skip}` : ''}`, () => {
  it('lose nothing, duplicate nothing, and number streams and log without gaps on overlapping streams', async () => {
    if (database.skip !== undefined) return
    const schema = 'four_writers'
    const store = await database.store({ schema }) // migrated once here; the workers find it done
    const [workers, streams, count] = [4, 3, 100]
    const reports = (
      await Promise.all(Array.from({ length: workers }, (_, w) => outputOf(spawnChild('append-worker.ts', [database.name, schema, String(w), String(streams), String(count)]))))
    ).map((out) => JSON.parse(out) as WorkerReport)

    const acked = reports.flatMap((r) => r.acked)
    expect(acked).toHaveLength(workers * count)
    const log: RecordedEvent[] = await collect(store.readAll({ verifyHashes: true, batchSize: 64 }))
    // Nothing lost, nothing twice: the log holds exactly the acknowledged event ids.
    expect(log.map((e) => e.metadata.eventId).sort()).toEqual(acked.map((a) => a.eventId).sort())
    // Dense positions from 1, in order.
    expect(log.map((e) => e.metadata.globalPosition)).toEqual(Array.from({ length: log.length }, (_, i) => BigInt(i + 1)))
    // Every acknowledgement names the version and position the event really has.
    const byId = new Map(log.map((e) => [e.metadata.eventId as string, e]))
    for (const a of acked) {
      expect(String(byId.get(a.eventId)!.metadata.streamVersion)).toBe(a.version)
      expect(String(byId.get(a.eventId)!.metadata.globalPosition)).toBe(a.position)
    }
    // Each stream is numbered from 0 without gaps.
    for (let s = 0; s < streams; s++) {
      const versions = log.filter((e) => e.metadata.streamId === `account-shared-${s}`).map((e) => e.metadata.streamVersion)
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => BigInt(i)))
    }
    // The writers did race, and every conflict reported what was expected and what was found.
    const conflicts = reports.flatMap((r) => r.conflicts)
    expect(conflicts.length).toBeGreaterThan(0)
    const versionOf = (v: string) => (v === 'no-stream' ? -1n : BigInt(v))
    for (const c of conflicts) expect(versionOf(c.actual)).toBeGreaterThan(versionOf(c.expected))
    await store.close()
  }, 240_000) // four child processes, each starting its own Node and tsx: slow on a busy machine
})
