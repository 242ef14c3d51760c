/**
 * A reader that takes one page of a read-ahead and drops the read without ending it, the store
 * still open: the process must still exit by itself. Prints the page's size.
 * Usage: abandoned-read-ahead.ts <file>
 *
 * @module
 */
import { readAllPages } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'

const [file] = process.argv.slice(2) as [string]
const opened = openSqliteEventStore({ path: file, readAhead: { minEvents: 0, events: 4 } })
if (E.isLeft(opened)) throw opened.left
const first = await readAllPages(opened.right, { batchSize: 2 })[Symbol.asyncIterator]().next()
console.log(JSON.stringify({ page: first.done === true ? 0 : first.value.length }))
