/**
 * Erasure in the read models (Löschung, Art. 17 DSGVO): the log forgets a subject's personal
 * values by losing their key; a read model that copied such a value must forget its copy too.
 * A projection that copies personal data handles `PersonalDataErased` and overwrites the copies
 * with `erasedMarker` in the batch's transaction, the one that moves its checkpoint — so a read
 * model is never committed past an erasure it has not applied, and a rebuild, which reads
 * `[erased]` from the log and applies the same erasure events, ends with the same rows.
 *
 * In a SQLite file the overwritten bytes must not linger either: `sqliteReadModels` turns on
 * `secure_delete`, and after a batch with an erasure the runtime checkpoints the WAL and
 * truncates it (`wal_checkpoint(TRUNCATE)`), as the SQLite key store does after a delete.
 *
 * @module
 */
import type { RecordedEvent } from '@account-ownership/core'
import { sql, SqliteAdapter, type Kysely } from 'kysely'
import type { RecordedOf } from './projection.js'

/**
 * The id an erased subject has as one kind of subject (`account:kunde-1` → `kunde-1` for
 * `account`), or `undefined` when the erasure is of another kind.
 * @category runtime
 * @since 0.3.0
 */
export const erasedIdOf = (event: RecordedOf<'PersonalDataErased'>, kind: 'account' | 'principal' | 'stakeholder'): string | undefined => {
  const prefix = `${kind}:`
  const subjectId: string = event.data.subjectId
  return subjectId.startsWith(prefix) && subjectId.length > prefix.length ? subjectId.slice(prefix.length) : undefined
}

/**
 * The account ids of a batch's events, leaving out the events that name none (erasures).
 * @category runtime
 * @since 0.3.0
 */
export const accountIdsOf = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<string> => {
  // A loop, not flatMap: a batch of a rebuild has a thousand events, and flatMap an array for each.
  const accountIds: string[] = []
  for (const event of events) {
    const accountId = (event.data as { readonly accountId?: unknown }).accountId
    if (typeof accountId === 'string') accountIds.push(accountId)
  }
  return accountIds
}

/**
 * After a committed batch that applied an erasure: on SQLite, copy the WAL into the file and
 * truncate it, so that the overwritten values' old pages leave the `-wal` file. A reader that
 * holds an old snapshot keeps the WAL busy; the next erasure tries again.
 * @category runtime
 * @since 0.3.0
 */
export const flushErasures = async (db: Kysely<any>): Promise<void> => {
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
}
