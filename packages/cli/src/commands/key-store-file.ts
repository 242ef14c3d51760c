/**
 * The SQLite key store a `--keys` file holds, opened only once it is one: a file that is no
 * SQLite database, or one without the key store's table (another tool's database, the event log
 * named by mistake), is the usage error of `--keys` — never a stack trace, and never a file that
 * opening a key store would change (it creates its tables and switches the file to WAL).
 *
 * @module
 */
import { fileKeyEncryptionKeys, type KeyStore } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync } from 'node:fs'
import { UsageError } from '../exit-code.js'

const holdsKeyStore = (path: string): boolean => {
  let probe: Database.Database | undefined
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true })
    return probe.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dsgvo_subject_keys'`).get() !== undefined
  } catch {
    return false
  } finally {
    probe?.close()
  }
}

/**
 * The key store at `keys`, its keys wrapped under the key-encryption keys of `kek` where given.
 * @category commands
 * @since 0.4.0
 */
export const openKeyStoreFile = (keys: string, kek: string | undefined): E.Either<UsageError, KeyStore> => {
  if (!existsSync(keys)) return E.left(new UsageError('--keys', 'there is no key store at that path'))
  // fileKeyEncryptionKeys would create a fresh file, which opens none of the stored keys.
  if (kek !== undefined && !existsSync(kek)) return E.left(new UsageError('--kek', 'there is no key-encryption key file at that path'))
  if (!holdsKeyStore(keys)) return E.left(new UsageError('--keys', 'is no key store (a SQLite file with the table dsgvo_subject_keys)'))
  return E.right(sqliteKeyStore(new Database(keys, { fileMustExist: true }), kek === undefined ? { owned: true } : { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kek) }))
}
