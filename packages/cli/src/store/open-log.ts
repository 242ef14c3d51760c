/**
 * Opening the event log a command works on, in one place so that every kind of store plugs in
 * here: reading commands open it in the auditor's mode (nothing written, no file created),
 * writing commands (`import`, `erase`) open it for appends. SQLite is built in; PostgreSQL and
 * EventStoreDB are answered with a usage error until their store packages are part of the CLI.
 *
 * @module
 */
import type { EventStore } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
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
}

const unsupported = (field: string, kind: string): UsageError =>
  new UsageError(field, `${kind} stores are not available in this version of the CLI yet; use a SQLite file (sqlite:<file>)`)

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
      return E.left(unsupported(field, 'PostgreSQL'))
    case 'esdb':
      return E.left(unsupported(field, 'EventStoreDB'))
    case 'sqlite': {
      const { path } = url.right
      if (mode === 'read' && !existsSync(path)) return E.left(new UsageError(field, 'there is no event log at that path (reading commands never create one)'))
      const opened = openSqliteEventStore({ path, readonly: mode === 'read' })
      if (E.isLeft(opened)) {
        const { reason } = opened.left
        return E.left(reason === 'unavailable' ? new CommandFailedError(`the event log could not be opened (${reason})`, 3, { cause: opened.left }) : new UsageError(field, `cannot be opened as an event log (${reason})`))
      }
      return E.right({ store: opened.right, url: url.right })
    }
  }
}
