/**
 * The key store in PostgreSQL (pg). Keys sit in their own table, best in a database (or at
 * least a role's grant) apart from the event log.
 *
 * PostgreSQL has no secure delete, and a DELETE does not destroy bytes: a deleted key stays in
 * the table's dead tuples until VACUUM reclaims them, and — seen in tests, even after `VACUUM
 * FULL` and `CHECKPOINT` — in live `pg_wal` segments, in WAL archives and in backups for as long
 * as they are kept. Plain, a deleted key is therefore NOT destroyed on PostgreSQL. Give the store
 * `keyEncryptionKeys` held outside the database (`fileKeyEncryptionKeys`, or a KMS behind the same
 * interface): keys are then stored wrapped, and every erasure rotates the key-encryption key,
 * re-wraps the remaining keys and destroys the old one — the erased key's lingering bytes can no
 * longer be unwrapped, whatever the database keeps.
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import { randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { destroySubjectKeys } from './destroy-subject-keys.js'
import type { KeyEncryptionKeys } from './key-encryption-keys.js'
import { KeyStoreUnavailableError, type KeyStore, type SubjectKey } from './key-store.js'
import { keyWrapping } from './key-wrapping.js'

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
 * Options of the PostgreSQL key store.
 * @category keys
 * @since 0.2.0
 */
export interface PostgresKeyStoreOptions {
  /** Where the keys that wrap subject keys are held, outside the database; without it keys are stored plain. */
  readonly keyEncryptionKeys?: KeyEncryptionKeys
}

interface KeyRow {
  readonly subject_id: string
  readonly version: number
  readonly key: Buffer
  readonly kek_version: number | null
}

const storedOf = (row: KeyRow) => ({ subjectId: row.subject_id, version: row.version, key: new Uint8Array(row.key), kekVersion: row.kek_version })

// One transaction on one client of the pool.
const inTransaction = async <A>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<A>): Promise<A> => {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

/**
 * A key store on a pg pool; it creates its tables. The pool stays the caller's to end.
 * @category keys
 * @since 0.1.0
 * @example
 * const keys = await postgresKeyStore(new pg.Pool({ database: 'schluessel' }), { keyEncryptionKeys: fileKeyEncryptionKeys('/etc/acme/kek.json') })
 */
export const postgresKeyStore = async (pool: pg.Pool, options: PostgresKeyStoreOptions = {}): Promise<E.Either<KeyStoreUnavailableError, KeyStore>> => {
  const wrapping = keyWrapping(options.keyEncryptionKeys)
  const created = await attempt(async () => {
    await pool.query(`CREATE TABLE IF NOT EXISTS dsgvo_subject_keys (
      subject_id text NOT NULL, version integer NOT NULL, key bytea NOT NULL, PRIMARY KEY (subject_id, version))`)
    await pool.query('ALTER TABLE dsgvo_subject_keys ADD COLUMN IF NOT EXISTS kek_version integer')
    await pool.query(`CREATE TABLE IF NOT EXISTS dsgvo_subject_key_versions (subject_id text PRIMARY KEY, last_version integer NOT NULL)`)
  })
  if (E.isLeft(created)) return created
  // A step that answers an Either inside `attempt`, which turns a thrown driver error into one.
  const orThrow = <A>(either: E.Either<KeyStoreUnavailableError, A>): A => {
    if (E.isLeft(either)) throw either.left
    return either.right
  }
  const settle = async <A>(work: () => Promise<A>): Promise<E.Either<KeyStoreUnavailableError, A>> => {
    try {
      return E.right(await work())
    } catch (e) {
      return E.left(e instanceof KeyStoreUnavailableError ? e : unavailable(e))
    }
  }
  const store: KeyStore = {
    keyFor: (subjectId, version) =>
      settle(async () =>
        orThrow(
          await wrapping.keyOfRow(async () => {
            const { rows } = await pool.query<KeyRow>(
              version === undefined
                ? 'SELECT subject_id, version, key, kek_version FROM dsgvo_subject_keys WHERE subject_id = $1 ORDER BY version DESC LIMIT 1'
                : 'SELECT subject_id, version, key, kek_version FROM dsgvo_subject_keys WHERE subject_id = $1 AND version = $2',
              version === undefined ? [subjectId] : [subjectId, version],
            )
            return rows[0] === undefined ? undefined : storedOf(rows[0])
          }),
        ),
      ),
    create: (subjectId: SubjectId) =>
      settle(() =>
        inTransaction(pool, async (client): Promise<SubjectKey> => {
          // Taken before the KEK is read, so that an erasure rotating it waits for this key or this key for it.
          await client.query('LOCK TABLE dsgvo_subject_keys IN ROW EXCLUSIVE MODE')
          const { rows } = await client.query<{ last_version: number }>(
            `INSERT INTO dsgvo_subject_key_versions (subject_id, last_version) VALUES ($1, 1)
             ON CONFLICT (subject_id) DO UPDATE SET last_version = dsgvo_subject_key_versions.last_version + 1
             RETURNING last_version`,
            [subjectId],
          )
          const version = rows[0]!.last_version
          const key = new Uint8Array(randomBytes(32))
          const stored = orThrow(await wrapping.wrap(subjectId, version, key))
          await client.query('INSERT INTO dsgvo_subject_keys (subject_id, version, key, kek_version) VALUES ($1, $2, $3, $4)', [subjectId, version, Buffer.from(stored.bytes), stored.kekVersion])
          return { subjectId, version, key }
        }),
      ),
    versionsOf: (subjectId) =>
      attempt(async () => {
        const { rows } = await pool.query<{ last_version: number }>('SELECT last_version FROM dsgvo_subject_key_versions WHERE subject_id = $1', [subjectId])
        return rows[0]?.last_version ?? 0
      }),
    delete: (subjectId) =>
      destroySubjectKeys(
        {
          inTransaction: (work) =>
            inTransaction(pool, async (client) => {
              // Keeps out a create that would wrap a key under the KEK this erasure retires.
              await client.query('LOCK TABLE dsgvo_subject_keys IN SHARE ROW EXCLUSIVE MODE')
              return work({
                deleteKeysOf: async (subject) => (await client.query('DELETE FROM dsgvo_subject_keys WHERE subject_id = $1', [subject])).rowCount ?? 0,
                remaining: async () => (await client.query<KeyRow>('SELECT subject_id, version, key, kek_version FROM dsgvo_subject_keys')).rows.map(storedOf),
                replace: async (row) => {
                  await client.query('UPDATE dsgvo_subject_keys SET key = $3, kek_version = $4 WHERE subject_id = $1 AND version = $2', [row.subjectId, row.version, Buffer.from(row.key), row.kekVersion])
                },
              })
            }),
          purge: async () => {
            await pool.query('VACUUM FULL dsgvo_subject_keys')
          },
        },
        wrapping,
        subjectId,
        unavailable,
      ),
    close: async () => undefined,
  }
  return E.right(store)
}
