/**
 * The worker thread of a read-ahead (`sqlite-read-ahead.ts`): it opens the file read-only, reads
 * the log a page at a time from `from` to `to`, checks each page and posts it as one text
 * (`sqlite-read-ahead-page.ts`) on the reader's port, at most `depth` pages ahead of what the
 * reader has taken; each message from the reader is one more page it may read. It ends with
 * `{ end: true }`, or with `{ failure }` where SQLite fails or a row is not of the row format,
 * and the reader then reads on by itself.
 *
 * @module
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { readableInPlace } from './sqlite-auditor.js'
import type { ReadAheadJob, ReadAheadLine, ReadAheadMessage } from './sqlite-read-ahead.js'
import { pageTextOf } from './sqlite-read-ahead-page.js'
import { prepareStatements } from './sqlite-statements.js'

const { path, from, to, size, skipped, versions, depth, port: pages, posted } = workerData as ReadAheadJob & ReadAheadLine
const port = parentPort!
const count = new Int32Array(posted)
// Queued on the reader's port, then counted: the reader, waiting on the count, finds it there.
const post = (message: ReadAheadMessage) => {
  pages.postMessage(message)
  Atomics.add(count, 0, 1)
  Atomics.notify(count, 0)
}

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
  // A scan never reads a page twice: SQLite's own default page cache (2 MB), not the 16 MB
  // better-sqlite3 builds it with, which a read of the whole log would fill for nothing.
  db.pragma('cache_size = -2000')
  const statements = prepareStatements(db, false)
  const readPages = (): void => {
    while (credit > 0 && !done) {
      const rows = statements.logPage(key, to, size, skipped)
      if (rows.length === 0) return finish({ end: true })
      const page = pageTextOf(rows, versions)
      if (page === undefined) return finish({ failure: `a row from position ${key} on is not of the row format: the reader reads it itself` })
      key = rows[rows.length - 1]!.globalPosition + 1n
      credit--
      post({ page })
      if (rows.length < size) return finish({ end: true })
    }
  }
  port.on('message', (more: number) => {
    credit += more
    attempt(readPages)
  })
  readPages()
})
