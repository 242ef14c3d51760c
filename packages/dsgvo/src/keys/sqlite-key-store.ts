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
 * error rather than claim the key destroyed. Copies outside SQLite (backups, file-system
 * snapshots, SSD remapping) are beyond its reach — unless the store is given `keyEncryptionKeys`
 * held outside the file: keys are then stored wrapped, and every erasure re-wraps the keys left
 * under a fresh KEK and retires the old one, so a copy of the file taken before the erasure no
 * longer gives back the erased key (the same steps as the PostgreSQL store, `destroySubjectKeys`).
 *
 * One connection, one writer at a time: the store runs its calls one after another, and a create
 * or erasure holds SQLite's write lock (`BEGIN IMMEDIATE`) while it reads or rotates the KEK, so
 * no key is wrapped under a KEK an erasure in another process is retiring.
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { destroySubjectKeys, type SubjectKeyRows } from './destroy-subject-keys.js'
import type { KeyEncryptionKeys } from './key-encryption-keys.js'
import { KeyStoreUnavailableError, type KeyStore, type SubjectKey } from './key-store.js'
import { keyWrapping, type StoredSubjectKey } from './key-wrapping.js'

const schema = [
  `CREATE TABLE IF NOT EXISTS dsgvo_subject_keys (
     subject_id  TEXT    NOT NULL,
     version     INTEGER NOT NULL,
     key         BLOB    NOT NULL,
     kek_version INTEGER,
     PRIMARY KEY (subject_id, version)
   )`,
  // The last version handed out per subject survives the keys' deletion, so that no version is reused.
  `CREATE TABLE IF NOT EXISTS dsgvo_subject_key_versions (
     subject_id   TEXT    NOT NULL PRIMARY KEY,
     last_version INTEGER NOT NULL
   )`,
]

/**
 * Options of the SQLite key store.
 * @category keys
 * @since 0.3.0
 */
export interface SqliteKeyStoreOptions {
  /** Close the connection with the key store. */
  readonly owned?: boolean
  /**
   * Where the keys that wrap subject keys are held, outside the file and its backups; without it
   * keys are stored plain. Keys a file holds plain from before are read as they are and wrapped
   * at the next erasure, when every key left is re-wrapped.
   */
  readonly keyEncryptionKeys?: KeyEncryptionKeys
}

const unavailable = (e: unknown): KeyStoreUnavailableError => {
  if (e instanceof KeyStoreUnavailableError) return e
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code) : ''
  return new KeyStoreUnavailableError(e instanceof Error ? e.message : String(e), /^SQLITE_(BUSY|LOCKED)/.test(code), { cause: e })
}

const thrown = <A>(either: E.Either<KeyStoreUnavailableError, A>): A => {
  if (E.isLeft(either)) throw either.left
  return either.right
}

interface KeyRow {
  readonly subject_id: string
  readonly version: number
  readonly key: Buffer
  readonly kek_version: number | null
}

const storedOf = (row: KeyRow): StoredSubjectKey => ({ subjectId: row.subject_id, version: row.version, key: new Uint8Array(row.key), kekVersion: row.kek_version })

// Files written before KEKs have no kek_version column; their keys are plain (NULL).
const addKekVersion = (db: Database.Database) => {
  const columns = db.pragma('table_info(dsgvo_subject_keys)') as Array<{ name: string }>
  if (!columns.some((column) => column.name === 'kek_version')) db.exec('ALTER TABLE dsgvo_subject_keys ADD COLUMN kek_version INTEGER')
}

/**
 * A key store on a better-sqlite3 connection; it creates its tables and turns on secure delete.
 * `owned: true` closes the connection with the key store; `keyEncryptionKeys` stores keys wrapped.
 * @category keys
 * @since 0.1.0
 * @example
 * const keys = sqliteKeyStore(new Database('schluessel.db'), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys('/etc/acme/kek.json') })
 */
export const sqliteKeyStore = (db: Database.Database, options: SqliteKeyStoreOptions = {}): KeyStore => {
  db.pragma('secure_delete = ON')
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  for (const statement of schema) db.exec(statement)
  addKekVersion(db)
  const wrapping = keyWrapping(options.keyEncryptionKeys)
  const columns = 'subject_id, version, key, kek_version'
  const newest = db.prepare<[string], KeyRow>(`SELECT ${columns} FROM dsgvo_subject_keys WHERE subject_id = CAST(? AS TEXT) ORDER BY version DESC LIMIT 1`)
  const byVersion = db.prepare<[string, number], KeyRow>(`SELECT ${columns} FROM dsgvo_subject_keys WHERE subject_id = ? AND version = ?`)
  const all = db.prepare<[], KeyRow>(`SELECT ${columns} FROM dsgvo_subject_keys`)
  const nextVersion = db.prepare<[string], { last_version: number }>(
    `INSERT INTO dsgvo_subject_key_versions (subject_id, last_version) VALUES (?, 1)
     ON CONFLICT (subject_id) DO UPDATE SET last_version = last_version + 1 RETURNING last_version`,
  )
  const versions = db.prepare<[string], { last_version: number }>('SELECT last_version FROM dsgvo_subject_key_versions WHERE subject_id = ?')
  const insert = db.prepare('INSERT INTO dsgvo_subject_keys (subject_id, version, key, kek_version) VALUES (?, ?, ?, ?)')
  const replace = db.prepare('UPDATE dsgvo_subject_keys SET key = ?, kek_version = ? WHERE subject_id = ? AND version = ?')
  const remove = db.prepare('DELETE FROM dsgvo_subject_keys WHERE subject_id = ?')
  const rows: SubjectKeyRows = {
    deleteKeysOf: async (subjectId) => remove.run(subjectId).changes,
    remaining: async () => all.all().map(storedOf),
    replace: async (row) => {
      replace.run(Buffer.from(row.key), row.kekVersion, row.subjectId, row.version)
    },
  }

  // The calls share one connection and a transaction spans awaits (the KEK source is async), so
  // they run one after another: no call may see, or nest inside, another's open transaction.
  let tail: Promise<unknown> = Promise.resolve()
  const inTurn = <A>(work: () => Promise<E.Either<KeyStoreUnavailableError, A>>): Promise<E.Either<KeyStoreUnavailableError, A>> => {
    const run = tail.then(work).catch((e: unknown) => E.left(unavailable(e)))
    tail = run
    return run
  }
  const inTransaction = async <A>(work: (rows: SubjectKeyRows) => Promise<A>): Promise<A> => {
    db.exec('BEGIN IMMEDIATE')
    try {
      const result = await work(rows)
      db.exec('COMMIT')
      return result
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw e
    }
  }
  // Move the zeroed pages into the file and empty the WAL, which still holds the key as written.
  // A reader still holding an older snapshot keeps SQLite from emptying it: the key's bytes are
  // then still in the -wal file, so the key is not destroyed yet. Say so; deleting again empties it.
  const purge = (subjectId: string) => async () => {
    const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
    if (checkpoint !== undefined && checkpoint.busy !== 0) {
      throw new KeyStoreUnavailableError(`the keys of ${subjectId} are deleted, but another connection keeps the WAL that still holds them from being emptied; delete again`, true)
    }
  }

  return {
    keyFor: (subjectId, version) =>
      inTurn(() =>
        wrapping.keyOfRow(async () => {
          // Another process's erasure may re-wrap the row between its read and its unwrap (see keyOfRow).
          const row = version === undefined ? newest.get(subjectId) : byVersion.get(subjectId, version)
          return row === undefined ? undefined : storedOf(row)
        }),
      ),
    create: (subjectId) =>
      inTurn(async () =>
        E.right(
          await inTransaction(async (): Promise<SubjectKey> => {
            const version = nextVersion.get(subjectId)!.last_version
            const key = new Uint8Array(randomBytes(32))
            const stored = thrown(await wrapping.wrap(subjectId, version, key))
            insert.run(subjectId, version, Buffer.from(stored.bytes), stored.kekVersion)
            return { subjectId, version, key }
          }),
        ),
      ),
    versionsOf: (subjectId) => inTurn(async () => E.right(versions.get(subjectId)?.last_version ?? 0)),
    delete: (subjectId) => inTurn(() => destroySubjectKeys({ inTransaction, purge: purge(subjectId) }, wrapping, subjectId, unavailable)),
    close: async () => {
      await tail
      if (options.owned === true) db.close()
    },
  }
}
