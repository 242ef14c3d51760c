import { accountStream } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import { isSqliteFailure, openErrorOfSqlite, storeErrorOfSqlite } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { openOrThrow } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('errors')
const failure = (code: string) => new Database.SqliteError(`${code.toLowerCase()} happened`, code)

describe('mapping SQLite failures to store errors', () => {
  it.each<[string, boolean]>([
    ['SQLITE_BUSY', true],
    ['SQLITE_BUSY_SNAPSHOT', true],
    ['SQLITE_LOCKED', true],
    ['SQLITE_LOCKED_SHAREDCACHE', true],
    ['SQLITE_PROTOCOL', true],
    ['SQLITE_INTERRUPT', true],
    ['SQLITE_READONLY', false],
    ['SQLITE_READONLY_DBMOVED', false],
    ['SQLITE_CORRUPT', false],
    ['SQLITE_NOTADB', false],
    ['SQLITE_FULL', true],
    ['SQLITE_IOERR', false],
    ['SQLITE_IOERR_FSYNC', false],
    ['SQLITE_CANTOPEN', false],
    ['SQLITE_NOMEM', false],
    ['SQLITE_CONSTRAINT_UNIQUE', false],
    ['SQLITE_SOMETHING_NEW', false],
  ])('%s is a StoreUnavailableError, retryable: %s', (code, retryable) => {
    const e = failure(code)
    expect(isSqliteFailure(e)).toBe(true)
    expect(storeErrorOfSqlite(e)).toMatchObject({ _tag: 'StoreUnavailableError', retryable, reason: `${code}: ${e.message}`, cause: e })
  })

  it('a statement on a closed connection is a StoreUnavailableError that is not retryable', () => {
    const db = new Database(':memory:')
    const statement = db.prepare('SELECT 1')
    db.close()
    let thrown: unknown
    try {
      statement.get()
    } catch (e) {
      thrown = e
    }
    expect(isSqliteFailure(thrown)).toBe(true)
    expect(storeErrorOfSqlite(thrown)).toMatchObject({ _tag: 'StoreUnavailableError', retryable: false })
  })

  it('a bug is no SQLite failure', () => {
    expect(isSqliteFailure(new RangeError('oops'))).toBe(false)
    expect(isSqliteFailure({ code: 'ENOENT' })).toBe(false)
  })

  it.each<[string, string, boolean]>([
    ['SQLITE_NOTADB', 'not-a-database', false],
    ['SQLITE_CANTOPEN', 'cannot-open', false],
    ['SQLITE_CANTOPEN_ISDIR', 'cannot-open', false],
    ['SQLITE_BUSY', 'unavailable', true],
    ['SQLITE_CORRUPT', 'unavailable', false],
  ])('while opening, %s is a SqliteOpenError with reason %s', (code, reason, retryable) => {
    expect(openErrorOfSqlite(failure(code), '/data/kunden.db')).toMatchObject({ _tag: 'SqliteOpenError', reason, retryable, path: '/data/kunden.db' })
  })

  it('an append that waits longer than the busy timeout for another writer gets a retryable error', async () => {
    const file = scratch.file()
    const store = openOrThrow({ path: file, busyTimeoutMs: 0 })
    const other = new Database(file)
    other.exec('BEGIN IMMEDIATE')
    const event = newEvent({ type: 'AccountOpened', data: { accountId: account('kunde-1'), tenantId: 'acme-de' as never, displayName: 'ACME', tier: 'key', openedBy: 'dora' as never } })
    const result = await store.append(accountStream(account('kunde-1')), [event], { expectedVersion: 'no-stream' })
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: true, reason: expect.stringMatching(/^SQLITE_BUSY/) })))
    other.exec('ROLLBACK')
    expect(E.isRight(await store.append(accountStream(account('kunde-1')), [event], { expectedVersion: 'no-stream' }))).toBe(true)
    other.close()
    await store.close()
  })
})
