/**
 * The worker thread of a read-ahead (`sqlite-read-ahead.ts`): it opens the file read-only, reads
 * the log a page at a time from `from` to `to`, checks each page and posts it as one text
 * (`sqlite-read-ahead-page.ts`), at most `depth` pages ahead of what the reader has taken; each
 * message from the reader is one more page it may read. It ends with `{ end: true }`, or with
 * `{ failure }` where SQLite fails, and the reader then reads on by itself.
 *
 * @module
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { readableInPlace } from './sqlite-auditor.js'
import type { ReadAheadJob, ReadAheadMessage } from './sqlite-read-ahead.js'
import { pageTextOf } from './sqlite-read-ahead-page.js'
import { prepareStatements } from './sqlite-statements.js'

const { path, from, to, size, skipped, versions, depth } = workerData as ReadAheadJob
const port = parentPort!
const post = (message: ReadAheadMessage) => port.postMessage(message)

let db: Database.Database | undefined
let credit = depth
let key = from
let done = false

const finish = (message: ReadAheadMessage) => {
  done = true
  db?.close()
  post(message)
  port.close()
}

// A failure of SQLite (or of anything here) ends the worker; the reader reads on by itself.
const attempt = (work: () => void): void => {
  try {
    work()
  } catch (e) {
    finish({ failure: String(e) })
  }
}

attempt(() => {
  // Never a file beside the log that was not there: where reading in place would create the
  // -wal and -shm, the reader reads on by itself (see sqlite-auditor.ts).
  if (readableInPlace(path) !== 'yes') return finish({ failure: 'the file cannot be read in place without creating files beside it' })
  db = new Database(path, { readonly: true, fileMustExist: true })
  const statements = prepareStatements(db, false)
  const readPages = (): void => {
    while (credit > 0 && !done) {
      const rows = statements.logPage(key, to, size, skipped)
      if (rows.length === 0) return finish({ end: true })
      key = rows[rows.length - 1]!.globalPosition + 1n
      credit--
      post({ page: pageTextOf(rows, versions) })
      if (rows.length < size) return finish({ end: true })
    }
  }
  port.on('message', (more: number) => {
    credit += more
    attempt(readPages)
  })
  readPages()
})
