/**
 * Opening the event log a command works on, in one place so that every kind of store plugs in
 * here: reading commands open it in the auditor's mode (nothing written, no file created),
 * writing commands (`import`, `erase`) open it for appends. SQLite, PostgreSQL and
 * EventStoreDB/KurrentDB are built in.
 *
 * PostgreSQL has no auditor mode of its own: the store creates its schema where it is missing.
 * An auditor connects with a role that may only read (then a database without the log's schema is
 * refused, not changed); `?schema=<name>` in the URL names the schema (`account_ownership` by default).
 * EventStoreDB has none either: reading commands only read, and an auditor's user may only read
 * `$all`. `kurrentdb://` is the same protocol under KurrentDB's name; the log is asked for its head
 * once on opening, so a node that cannot be reached fails here (exit code 3), before any work.
 *
 * @module
 */
import type { EventStore, ImportingEventStore } from '@account-ownership/core'
import { openEventStoreDbEventStore } from '@account-ownership/store-eventstoredb'
import { openPostgresEventStore } from '@account-ownership/store-postgres'
import { openSqliteEventStore, type SqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync } from 'node:fs'
import { CommandFailedError, UsageError, type CliError } from '../exit-code.js'
import { parseStoreUrl, type StoreUrl } from './store-url.js'

/**
 * Whether a command only reads the log or appends to it.
 * @category store
 * @since 0.2.0
 */
export type LogMode = 'read' | 'write'

/**
 * An open log and where it lives.
 * @category store
 * @since 0.2.0
 */
export interface OpenedLog {
  readonly store: EventStore
  readonly url: StoreUrl
  /** The same store where it takes rows as stored (`copy` writes into it); opened for writing only. */
  readonly importing?: ImportingEventStore
  /** The SQLite store, which takes an online backup. */
  readonly sqlite?: SqliteEventStore
}

const openPostgres = async (text: string, field: string): Promise<E.Either<CliError, OpenedLog>> => {
  let connectionString: string
  let schema: string | undefined
  try {
    const url = new URL(text)
    schema = url.searchParams.get('schema') ?? undefined
    url.searchParams.delete('schema')
    connectionString = url.href
  } catch {
    return E.left(new UsageError(field, 'is not a valid postgres:// URL'))
  }
  const opened = await openPostgresEventStore({ connection: { connectionString, connectionTimeoutMillis: 10_000 }, ...(schema === undefined ? {} : { schema }) })
  if (E.isLeft(opened)) {
    const e = opened.left
    return E.left(e._tag === 'InvalidStoreInputError' ? new UsageError(field, `names a bad ${e.field}: ${e.reason}`) : new CommandFailedError(`the PostgreSQL event log could not be opened (${e._tag})`, 3, { cause: e }))
  }
  return E.right({ store: opened.right, url: { kind: 'postgres', url: text }, importing: opened.right })
}

// The client of EventStoreDB 6 knows only its own scheme; KurrentDB's is the same protocol.
const esdbConnectionString = (text: string): string => text.replace(/^kurrentdb(\+discover)?:/, 'esdb$1:')

const openEventStoreDb = async (text: string, field: string): Promise<E.Either<CliError, OpenedLog>> => {
  const opened = openEventStoreDbEventStore({ connectionString: esdbConnectionString(text), readTimeoutMs: 10_000 })
  if (E.isLeft(opened)) return E.left(new UsageError(field, `names a bad ${opened.left.field}: ${opened.left.reason}`))
  const head = await opened.right.headPosition()
  if (E.isLeft(head)) {
    await opened.right.close()
    return E.left(new CommandFailedError(`the EventStoreDB event log could not be opened (${head.left._tag})`, 3, { cause: head.left }))
  }
  return E.right({ store: opened.right, url: { kind: 'esdb', url: text }, importing: opened.right })
}

/**
 * Open the log a store URL names; in `'read'` mode a missing file is a usage error, not a new log.
 * @category store
 * @since 0.2.0
 * @example
 * const opened = await openLog('sqlite:./kunden.db', 'read', '--store')
 */
export const openLog = async (text: string, mode: LogMode, field: string): Promise<E.Either<CliError, OpenedLog>> => {
  const url = parseStoreUrl(text, field)
  if (E.isLeft(url)) return url
  switch (url.right.kind) {
    case 'postgres':
      return openPostgres(url.right.url, field)
    case 'esdb':
      return openEventStoreDb(url.right.url, field)
    case 'sqlite': {
      const { path } = url.right
      if (mode === 'read' && !existsSync(path)) return E.left(new UsageError(field, 'there is no event log at that path (reading commands never create one)'))
      const opened = openSqliteEventStore({ path, readonly: mode === 'read' })
      if (E.isLeft(opened)) {
        const { reason } = opened.left
        return E.left(reason === 'unavailable' ? new CommandFailedError(`the event log could not be opened (${reason})`, 3, { cause: opened.left }) : new UsageError(field, `cannot be opened as an event log (${reason})`))
      }
      return E.right({ store: opened.right, url: url.right, sqlite: opened.right, ...(mode === 'write' ? { importing: opened.right } : {}) })
    }
  }
}
