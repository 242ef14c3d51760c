import type { RecordedEvent } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { spawnChild } from './processes/spawn-child.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('crash')
const batchSize = 5

// Run the batch writer (with `lanes` appends in flight at once) until it has acknowledged at least one batch, let it go on for a random
// while, then SIGKILL it. Answers the batch ids it acknowledged on stdout before it died.
const killedWriter = (file: string, round: number, lanes: number): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawnChild('batch-writer.ts', [file, String(round), String(batchSize), String(lanes)])
    let out = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      timer ??= setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 120))
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer ended on its own (${code}): ${out.slice(-300)}`))
      // A line cut by the kill is no acknowledgement.
      resolve(out.split('\n').slice(0, -1).map((line) => line.replace(/^ack /, '')))
    })
  })

// One writer at a time, with one append in flight (a transaction each) or with sixteen (committed
// in groups, so most kills land in the middle of a group's transaction or its sync).
describe.each([
  { lanes: 1, rounds: 20, what: 'appending batches one at a time' },
  { lanes: 16, rounds: 12, what: 'appending batches sixteen at a time, in groups (group commit)' },
])('a writer killed with SIGKILL while $what', ({ lanes, rounds }) => {
  // A child process per round: on a loaded machine this takes minutes, not seconds.
  it(`keeps every acknowledged batch, whole, and the file opens cleanly (${rounds} rounds)`, { timeout: 300_000 }, async () => {
    const file = scratch.file()
    const acknowledged = new Set<string>()
    for (let round = 0; round < rounds; round++) {
      for (const id of await killedWriter(file, round, lanes)) acknowledged.add(id)

      const raw = new Database(file)
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
      raw.close()

      const opened = openSqliteEventStore({ path: file })
      if (E.isLeft(opened)) throw opened.left
      const events: RecordedEvent[] = []
      for await (const e of opened.right.readAll()) events.push(e)
      await opened.right.close()

      const batches = new Map<string, RecordedEvent[]>()
      for (const e of events) {
        const id = e.metadata.eventId.replace(/-\d+$/, '')
        batches.set(id, [...(batches.get(id) ?? []), e])
      }
      for (const id of acknowledged) expect(batches.has(id), `acknowledged batch ${id} is missing after round ${round}`).toBe(true)
      for (const [id, batch] of batches) {
        // A batch is all there, in one piece of the log, or not there at all.
        expect(batch.map((e) => e.metadata.eventId), `batch ${id}`).toEqual(Array.from({ length: batchSize }, (_, i) => `${id}-${i}`))
        const first = batch[0]!.metadata
        expect(batch.map((e) => [e.metadata.globalPosition, e.metadata.streamVersion])).toEqual(
          batch.map((_, i) => [first.globalPosition + BigInt(i), first.streamVersion + BigInt(i)]),
        )
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(rounds)
  })
})
