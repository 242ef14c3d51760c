/**
 * A writer process for the multi-process test: it appends `count` events, one at a time, to the
 * shared streams with the expected version it last read, and on a `ConcurrencyError` reads again
 * and retries. It prints one JSON line: what was acknowledged and which conflicts it saw.
 * Usage: append-worker.ts <database> <schema> <worker> <streams> <count>
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import { setTimeout as sleep } from 'node:timers/promises'

const [database, schema, worker, streams, count] = process.argv.slice(2) as [string, string, string, string, string]
const opened = await openPostgresEventStore({ connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database, max: 2 }, schema })
if (E.isLeft(opened)) throw opened.left
const store = opened.right

const acked: { streamId: string; version: string; position: string; eventId: string }[] = []
const conflicts: { expected: string; actual: string }[] = []
for (let i = 0; i < Number(count); i++) {
  const id = account(`shared-${i % Number(streams)}`)
  const streamId = accountStream(id as AccountId)
  const eventId = `w${worker}-${i}`
  const event = newEvent({ type: 'AccountClassified', data: { accountId: id, tier: 'standard', score: i, criteria: [`worker-${worker}`], classifiedBy: 'dora' as never } }, { eventId })
  for (;;) {
    const version = await store.streamVersion(streamId)
    if (E.isLeft(version)) throw version.left
    // Give the other writers a moment between reading and appending, so races really happen.
    await sleep(Math.random() < 0.5 ? 0 : 1)
    const result = await store.append(streamId, [event], { expectedVersion: version.right })
    if (E.isRight(result)) {
      acked.push({ streamId, version: String(result.right.nextExpectedVersion), position: String(result.right.lastGlobalPosition), eventId })
      break
    }
    if (result.left._tag === 'ConcurrencyError') conflicts.push({ expected: String(result.left.expected), actual: String(result.left.actual) })
    else if (!(result.left._tag === 'StoreUnavailableError' && result.left.retryable)) throw result.left
  }
}
await store.close()
process.stdout.write(`${JSON.stringify({ acked, conflicts })}\n`)
