/**
 * A writer process for the multi-process test: it appends `count` events, one at a time, to the
 * shared streams with the expected version it last read, and on a `ConcurrencyError` reads again
 * and retries. It prints one JSON line: what was acknowledged and which conflicts it saw.
 * Usage: append-worker.ts <file> <worker> <streams> <count>
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { setTimeout as sleep } from 'node:timers/promises'
import { classifiedEvent } from './classified-event.js'

const [file, worker, streams, count] = process.argv.slice(2) as [string, string, string, string]
const opened = openSqliteEventStore({ path: file, busyTimeoutMs: 10_000 })
if (E.isLeft(opened)) throw opened.left
const store = opened.right

const acked: { streamId: string; version: string; eventId: string }[] = []
const conflicts: { expected: string; actual: string }[] = []
for (let i = 0; i < Number(count); i++) {
  const accountId = `shared-${i % Number(streams)}` as AccountId
  const streamId = accountStream(accountId)
  const eventId = `w${worker}-${i}`
  const event = classifiedEvent(accountId, i, `worker-${worker}`, eventId)
  for (;;) {
    const version = await store.streamVersion(streamId)
    if (E.isLeft(version)) throw version.left
    // Give the other writers a moment between reading and appending, so races really happen.
    await sleep(Math.random() < 0.5 ? 0 : 1)
    const result = await store.append(streamId, [event], { expectedVersion: version.right })
    if (E.isRight(result)) {
      acked.push({ streamId, version: String(result.right.nextExpectedVersion), eventId })
      break
    }
    if (result.left._tag === 'ConcurrencyError') conflicts.push({ expected: String(result.left.expected), actual: String(result.left.actual) })
    else if (!(result.left._tag === 'StoreUnavailableError' && result.left.retryable)) throw result.left
  }
}
await store.close()
process.stdout.write(`${JSON.stringify({ acked, conflicts })}\n`)
