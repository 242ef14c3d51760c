/**
 * A writer process for the crash test: it appends batches of `batchSize` events without end and
 * prints `ack <batch id>` after each append is acknowledged, until it is killed. Every event id
 * is `<batch id>-<index>`, so a batch is recognisable in the file.
 * Usage: batch-writer.ts <file> <round> <batchSize>
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { classifiedEvent } from './classified-event.js'

const [file, round, batchSize] = process.argv.slice(2) as [string, string, string]
const opened = openSqliteEventStore({ path: file })
if (E.isLeft(opened)) throw opened.left
const store = opened.right

for (let b = 0; ; b++) {
  const batchId = `r${round}-b${b}`
  const accountId = `crash-${b % 3}` as AccountId
  const events = Array.from({ length: Number(batchSize) }, (_, i) => classifiedEvent(accountId, i, batchId, `${batchId}-${i}`))
  const result = await store.append(accountStream(accountId), events, { expectedVersion: 'any' })
  if (E.isLeft(result)) throw result.left
  process.stdout.write(`ack ${batchId}\n`)
}
