/**
 * The key store in PostgreSQL (pg). Keys sit in their own table, best in a database (or at
 * least a role's grant) apart from the event log.
 *
 * PostgreSQL has no secure delete: a deleted key stays in the table's dead tuples until VACUUM
 * reclaims them, and in the WAL and its archive until they are recycled. `delete` therefore
 * follows the DELETE with `VACUUM FULL` of the small key table, which writes the live keys to a
 * new file and removes the old one; WAL archives and backups keep older copies for as long as
 * they are kept. Where that is not enough, put a KMS behind the `KeyStore` interface.
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import { randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { KeyStoreUnavailableError, type KeyStore, type SubjectKey } from './key-store.js'

// Connection failures and serialisation conflicts can pass; everything else needs a person.
const retryableCodes = new Set(['40001', '40P01', '57P01', '57P03', '08000', '08003', '08006'])

const unavailable = (e: unknown): KeyStoreUnavailableError => {
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code) : ''
  return new KeyStoreUnavailableError(e instanceof Error ? e.message : String(e), retryableCodes.has(code), { cause: e })
}

const attempt = async <A>(f: () => Promise<A>): Promise<E.Either<KeyStoreUnavailableError, A>> => {
  try {
    return E.right(await f())
  } catch (e) {
    return E.left(unavailable(e))
  }
}

/**
 * A key store on a pg pool; it creates its tables. The pool stays the caller's to end.
 * @category keys
 * @since 0.1.0
 * @example
 * const keys = await postgresKeyStore(new pg.Pool({ database: 'schluessel' }))
 */
export const postgresKeyStore = async (pool: pg.Pool): Promise<E.Either<KeyStoreUnavailableError, KeyStore>> => {
  const created = await attempt(async () => {
    await pool.query(`CREATE TABLE IF NOT EXISTS dsgvo_subject_keys (
      subject_id text NOT NULL, version integer NOT NULL, key bytea NOT NULL, PRIMARY KEY (subject_id, version))`)
    await pool.query(`CREATE TABLE IF NOT EXISTS dsgvo_subject_key_versions (subject_id text PRIMARY KEY, last_version integer NOT NULL)`)
  })
  if (E.isLeft(created)) return created
  const store: KeyStore = {
    keyFor: (subjectId, version) =>
      attempt(async () => {
        const { rows } = await pool.query<{ version: number; key: Buffer }>(
          version === undefined
            ? 'SELECT version, key FROM dsgvo_subject_keys WHERE subject_id = $1 ORDER BY version DESC LIMIT 1'
            : 'SELECT version, key FROM dsgvo_subject_keys WHERE subject_id = $1 AND version = $2',
          version === undefined ? [subjectId] : [subjectId, version],
        )
        const row = rows[0]
        return row === undefined ? undefined : { subjectId, version: row.version, key: new Uint8Array(row.key) }
      }),
    create: (subjectId: SubjectId) =>
      attempt(async (): Promise<SubjectKey> => {
        const key = randomBytes(32)
        // One statement: the version counter moves and the key is written atomically.
        const { rows } = await pool.query<{ version: number }>(
          `WITH next AS (
             INSERT INTO dsgvo_subject_key_versions (subject_id, last_version) VALUES ($1, 1)
             ON CONFLICT (subject_id) DO UPDATE SET last_version = dsgvo_subject_key_versions.last_version + 1
             RETURNING last_version)
           INSERT INTO dsgvo_subject_keys (subject_id, version, key) SELECT $1, last_version, $2 FROM next RETURNING version`,
          [subjectId, key],
        )
        return { subjectId, version: rows[0]!.version, key: new Uint8Array(key) }
      }),
    versionsOf: (subjectId) =>
      attempt(async () => {
        const { rows } = await pool.query<{ last_version: number }>('SELECT last_version FROM dsgvo_subject_key_versions WHERE subject_id = $1', [subjectId])
        return rows[0]?.last_version ?? 0
      }),
    delete: (subjectId) =>
      attempt(async () => {
        const result = await pool.query('DELETE FROM dsgvo_subject_keys WHERE subject_id = $1', [subjectId])
        await pool.query('VACUUM FULL dsgvo_subject_keys')
        return result.rowCount ?? 0
      }),
    close: async () => undefined,
  }
  return E.right(store)
}
