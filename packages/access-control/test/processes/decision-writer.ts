// A writer process for the crash test: it records decisions into the access log of a SQLite
// file without end, always 64 in flight, and prints `ack <correlation id>` for each whose record
// answered, until it is killed. Usage: decision-writer.ts <file> <round>
import { accessLog } from '@account-ownership/access-control'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { decisionAt } from '../support/decisions.js'

const [file, round] = process.argv.slice(2) as [string, string]
const opened = openSqliteEventStore({ path: file })
if (E.isLeft(opened)) throw opened.left
const log = accessLog({ store: opened.right, maxBatch: 32, maxDelayMs: 1 })
if (E.isLeft(log)) throw log.left

let n = 0
const next = async (): Promise<void> => {
  const id = `r${round}-d${n++}`
  const recorded = await log.right.record(decisionAt('2026-03-12T10:00:00Z', n), { tenantId: 'acme-de', correlationId: id })
  if (E.isLeft(recorded)) throw recorded.left
  process.stdout.write(`ack ${id}\n`)
  return next()
}
await Promise.all(Array.from({ length: 64 }, next))
