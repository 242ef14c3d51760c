/**
 * Batch writer processes (batch-writer.ts) running on one file, and the batches each has
 * acknowledged so far, read from their `ack <batch id>` lines as they arrive.
 *
 * @module
 */
import { spawnChild } from './spawn-child.js'

/** Writers started on `file`, one per round id; `acknowledged()` is what they have acked up to now. */
export const startWriters = (file: string, rounds: ReadonlyArray<string>, batchSize: number) => {
  const acked = new Set<string>()
  const children = rounds.map((round) => {
    const child = spawnChild('batch-writer.ts', [file, round, String(batchSize)])
    let rest = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) if (line.startsWith('ack ')) acked.add(line.slice(4))
    })
    return child
  })
  const countOf = (round: string) => [...acked].filter((id) => id.startsWith(`r${round}-`)).length
  return {
    /** A copy of the batch ids acknowledged so far. */
    acknowledged: (): ReadonlySet<string> => new Set(acked),
    /** Resolves once every writer has acknowledged at least `n` batches. */
    whenEachAcked: async (n: number): Promise<void> => {
      while (!rounds.every((r) => countOf(r) >= n)) {
        if (children.some((c) => c.exitCode !== null)) throw new Error('a writer ended before it acknowledged enough batches')
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    /** Kill every writer and wait until they are gone. */
    stop: () =>
      Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve()
              c.on('close', () => resolve())
              c.kill('SIGKILL')
            }),
        ),
      ),
  }
}
