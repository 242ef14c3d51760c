/**
 * A writer process for the crash test: it appends batches of `batchSize` events without end and
 * prints `ack <batch id>` after each append is acknowledged, until it is killed. Every event id
 * is `<batch id>-<index>`, so a batch is recognisable in the file. With `lanes` above 1, that
 * many appends are in flight at once, so they are committed in groups (group commit).
 * Usage: batch-writer.ts <file> <round> <batchSize> [lanes]
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { classifiedEvent } from './classified-event.js'

const [file, round, batchSize, lanes = '1'] = process.argv.slice(2) as [string, string, string, string?]
const opened = openSqliteEventStore({ path: file })
if (E.isLeft(opened)) throw opened.left
const store = opened.right

const lane = async (l: number): Promise<never> => {
  for (let b = 0; ; b++) {
    const batchId = Number(lanes) === 1 ? `r${round}-b${b}` : `r${round}-l${l}-b${b}`
    const accountId = `crash-${b % 3}` as AccountId
    const events = Array.from({ length: Number(batchSize) }, (_, i) => classifiedEvent(accountId, i, batchId, `${batchId}-${i}`))
    const result = await store.append(accountStream(accountId), events, { expectedVersion: 'any' })
    if (E.isLeft(result)) throw result.left
    process.stdout.write(`ack ${batchId}\n`)
  }
}
await Promise.all(Array.from({ length: Number(lanes) }, (_, l) => lane(l)))
