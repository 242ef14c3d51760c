/**
 * Where the CLI keeps its read models. By default in memory, built from the log on every run:
 * an auditor working on a copy of the log changes no byte anywhere. With
 * `--read-models sqlite:<file>` they live in a file of their own (never the log's), which each
 * run only catches up, and which `rebuild` rebuilds.
 *
 * @module
 */
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { resolve } from 'node:path'
import { UsageError } from '../exit-code.js'
import { parseStoreUrl, type StoreUrl } from '../store/store-url.js'
import type { AuditorTables } from './auditor-projections.js'

/**
 * An open read-model database.
 * @category read models
 * @since 0.2.0
 */
export interface ReadModelDatabase {
  readonly db: Kysely<AuditorTables>
  /** `false` for the in-memory default, gone when the command ends. */
  readonly persistent: boolean
  readonly close: () => Promise<void>
}

/**
 * Open the read models a `--read-models` value names (in memory when `undefined`); they must not
 * live in the log's own file.
 * @category read models
 * @since 0.2.0
 * @example
 * const models = openReadModels('sqlite:./read-models.db', { kind: 'sqlite', path: './kunden.db' })
 */
export const openReadModels = (text: string | undefined, log: StoreUrl): E.Either<UsageError, ReadModelDatabase> => {
  const field = '--read-models'
  if (text === undefined) {
    const db = sqliteReadModels<AuditorTables>(new Database(':memory:'))
    return E.right({ db, persistent: false, close: () => db.destroy() })
  }
  const url = parseStoreUrl(text, field)
  if (E.isLeft(url)) return url
  if (url.right.kind !== 'sqlite') return E.left(new UsageError(field, 'only SQLite files (sqlite:<file>) hold the CLI read models in this version'))
  if (log.kind === 'sqlite' && resolve(url.right.path) === resolve(log.path)) return E.left(new UsageError(field, 'must not be the event log itself; read models live in a file of their own'))
  try {
    const db = sqliteReadModels<AuditorTables>(url.right.path)
    return E.right({ db, persistent: true, close: () => db.destroy() })
  } catch {
    return E.left(new UsageError(field, 'cannot be opened as a SQLite file'))
  }
}
