/**
 * A writer process for the crash test: it appends batches of `batchSize` events without end and
 * prints `ack <batch id>` after each append is acknowledged, until it is killed. Every event id
 * is `<batch id>-<index>`, so a batch is recognisable in the log. With `hold`, the COMMIT of
 * batch `hold` waits for ever once its rows are inserted, and the writer prints `holding <batch
 * id>`: the parent kills it inside that transaction.
 * Usage: batch-writer.ts <database> <schema> <round> <batchSize> [hold]
 *
 * @module
 */
import { accountStream, type AccountId } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { commitGate } from '../commit-gate.js'

const [database, schema, round, batchSize, hold] = process.argv.slice(2) as [string, string, string, string, string | undefined]
const pool = new pg.Pool({ host: '127.0.0.1', port: 5432, user: 'postgres', database, max: 2 })
const gate = commitGate(pool)
const opened = await openPostgresEventStore({ pool, schema })
if (E.isLeft(opened)) throw opened.left
const store = opened.right

for (let b = 0; ; b++) {
  const batchId = `r${round}-b${b}`
  const accountId = account(`crash-${b % 3}`)
  const events = Array.from({ length: Number(batchSize) }, (_, i) =>
    newEvent({ type: 'AccountClassified', data: { accountId, tier: 'standard', score: i, criteria: [batchId], classifiedBy: 'dora' as never } }, { eventId: `${batchId}-${i}` }),
  )
  if (hold !== undefined && b === Number(hold)) {
    gate.shut()
    void gate.held.then(() => process.stdout.write(`holding ${batchId}\n`))
  }
  const result = await store.append(accountStream(accountId as AccountId), events, { expectedVersion: 'any' })
  if (E.isLeft(result)) throw result.left
  process.stdout.write(`ack ${batchId}\n`)
}
