/**
 * The key store in a SQLite file (better-sqlite3). Keep it in a file of its own, apart from the
 * event log, so that a copy of the log is no copy of the keys.
 *
 * Destroying a key must leave no copy of it in the file. SQLite normally only marks a deleted
 * row's space as free and leaves its bytes in the page until something else overwrites them, so
 * a deleted key could still be read from the file with a hex editor. `PRAGMA secure_delete = ON`
 * makes SQLite overwrite deleted content with zeros. In WAL mode the frames written when the key
 * was created still sit in the `-wal` file, so a delete ends with `wal_checkpoint(TRUNCATE)`:
 * the zeroed page goes into the database file and the WAL is emptied. While another connection
 * still reads an older snapshot SQLite cannot empty the WAL; `delete` then answers a retryable
 * error rather than claim the key destroyed. Copies outside SQLite
 * (backups, file-system snapshots, SSD remapping) are beyond its reach.
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { KeyStoreUnavailableError, type KeyStore, type SubjectKey } from './key-store.js'

const schema = [
  `CREATE TABLE IF NOT EXISTS dsgvo_subject_keys (
     subject_id TEXT    NOT NULL,
     version    INTEGER NOT NULL,
     key        BLOB    NOT NULL,
     PRIMARY KEY (subject_id, version)
   )`,
  // The last version handed out per subject survives the keys' deletion, so that no version is reused.
  `CREATE TABLE IF NOT EXISTS dsgvo_subject_key_versions (
     subject_id   TEXT    NOT NULL PRIMARY KEY,
     last_version INTEGER NOT NULL
   )`,
]

const unavailable = (e: unknown): KeyStoreUnavailableError => {
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code) : ''
  return new KeyStoreUnavailableError(e instanceof Error ? e.message : String(e), /^SQLITE_(BUSY|LOCKED)/.test(code), { cause: e })
}

const attempt = async <A>(f: () => A): Promise<E.Either<KeyStoreUnavailableError, A>> => {
  try {
    return E.right(f())
  } catch (e) {
    return E.left(unavailable(e))
  }
}

/**
 * A key store on a better-sqlite3 connection; it creates its tables and turns on secure delete.
 * `owned: true` closes the connection with the key store.
 * @category keys
 * @since 0.1.0
 * @example
 * const keys = sqliteKeyStore(new Database('schluessel.db'), { owned: true })
 */
export const sqliteKeyStore = (db: Database.Database, options: { readonly owned?: boolean } = {}): KeyStore => {
  db.pragma('secure_delete = ON')
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  for (const statement of schema) db.exec(statement)
  const newest = db.prepare<[string], { version: number; key: Buffer }>('SELECT version, key FROM dsgvo_subject_keys WHERE subject_id = ? ORDER BY version DESC LIMIT 1')
  const byVersion = db.prepare<[string, number], { version: number; key: Buffer }>('SELECT version, key FROM dsgvo_subject_keys WHERE subject_id = ? AND version = ?')
  const nextVersion = db.prepare<[string], { last_version: number }>(
    `INSERT INTO dsgvo_subject_key_versions (subject_id, last_version) VALUES (?, 1)
     ON CONFLICT (subject_id) DO UPDATE SET last_version = last_version + 1 RETURNING last_version`,
  )
  const versions = db.prepare<[string], { last_version: number }>('SELECT last_version FROM dsgvo_subject_key_versions WHERE subject_id = ?')
  const insert = db.prepare('INSERT INTO dsgvo_subject_keys (subject_id, version, key) VALUES (?, ?, ?)')
  const remove = db.prepare('DELETE FROM dsgvo_subject_keys WHERE subject_id = ?')
  const create = db.transaction((subjectId: SubjectId): SubjectKey => {
    const version = nextVersion.get(subjectId)!.last_version
    const key = randomBytes(32)
    insert.run(subjectId, version, key)
    return { subjectId, version, key: new Uint8Array(key) }
  })

  return {
    keyFor: (subjectId, version) =>
      attempt(() => {
        const row = version === undefined ? newest.get(subjectId) : byVersion.get(subjectId, version)
        return row === undefined ? undefined : { subjectId, version: row.version, key: new Uint8Array(row.key) }
      }),
    create: (subjectId) => attempt(() => create.immediate(subjectId)),
    versionsOf: (subjectId) => attempt(() => versions.get(subjectId)?.last_version ?? 0),
    delete: (subjectId) =>
      (async () => {
        const deleted = await attempt(() => {
          const destroyed = remove.run(subjectId).changes
          // Move the zeroed pages into the file and empty the WAL, which still holds the key as written.
          const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
          return { destroyed, flushed: checkpoint === undefined || checkpoint.busy === 0 }
        })
        if (E.isLeft(deleted)) return deleted
        // A reader still holding an older snapshot keeps SQLite from emptying the WAL: the key's
        // bytes are then still in the -wal file, so the key is not destroyed yet. Say so; deleting
        // again once the reader is done empties it.
        if (!deleted.right.flushed) {
          return E.left(new KeyStoreUnavailableError(`the keys of ${subjectId} are deleted, but another connection keeps the WAL that still holds them from being emptied; delete again`, true))
        }
        return E.right(deleted.right.destroyed)
      })(),
    close: async () => {
      if (options.owned === true) db.close()
    },
  }
}
