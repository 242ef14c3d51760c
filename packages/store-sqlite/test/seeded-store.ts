/**
 * A SQLite event store file with one account's first four events in it, closed again, for the
 * tests that reopen, tamper with or only read a file.
 *
 * @module
 */
import { accountStream, type StreamId } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { openSqliteEventStore, type SqliteEventStoreOptions, type SqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The stream the seeded file holds. */
export const seededStream: StreamId = accountStream(account('kunde-1'))

/** Open a store or fail the test. */
export const openOrThrow = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const opened = openSqliteEventStore(options)
  if (E.isLeft(opened)) throw opened.left
  return opened.right
}

/** Write the seeded file at `path` and close it. */
export const seedFile = async (path: string): Promise<void> => {
  const store = openOrThrow({ path })
  const appended = await store.append(seededStream, openedAccountEvents(account('kunde-1')).map((e) => newEvent(e)), { expectedVersion: 'no-stream' })
  if (E.isLeft(appended)) throw appended.left
  await store.close()
}

/** The SHA-256 of a file's bytes. */
export const hashOf = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/** Everything an async iterable yields, or what it rejected with. */
export const settle = async <A>(it: AsyncIterable<A>): Promise<{ items: A[]; error?: unknown }> => {
  const items: A[] = []
  try {
    for await (const a of it) items.push(a)
  } catch (error) {
    return { items, error }
  }
  return { items }
}
