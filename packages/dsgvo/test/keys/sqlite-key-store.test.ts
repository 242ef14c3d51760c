import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import type { SubjectId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { keyEncryptionContract, keyStoreContract } from './key-store-contract.js'

const scratch = scratchDir('sqlite-keys')

describe('the SQLite key store', () => {
  keyStoreContract(async () => sqliteKeyStore(new Database(scratch.file()), { owned: true }))

  it('turns on secure delete and WAL on its connection', async () => {
    const db = new Database(scratch.file())
    const keys = sqliteKeyStore(db)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    await keys.close()
    expect(db.open).toBe(true)
    db.close()
  })
})

describe('the SQLite key store with key-encryption keys', () => {
  keyEncryptionContract(async () => {
    const file = scratch.file()
    return {
      open: async (keyEncryptionKeys) => sqliteKeyStore(new Database(file), keyEncryptionKeys === undefined ? { owned: true } : { owned: true, keyEncryptionKeys }),
      stored: async (subjectId) => {
        const db = new Database(file, { readonly: true })
        try {
          return db
            .prepare<[string], { version: number; key: Buffer; kek_version: number | null }>('SELECT version, key, kek_version FROM dsgvo_subject_keys WHERE subject_id = ? ORDER BY version')
            .all(subjectId)
            .map((row) => ({ version: row.version, key: row.key, kekVersion: row.kek_version }))
        } finally {
          db.close()
        }
      },
    }
  })
})

describe('the SQLite key store while another connection reads', () => {
  it('does not report a key destroyed while its bytes are still in the WAL', async () => {
    const file = scratch.file()
    const keys = sqliteKeyStore(new Database(file, { timeout: 50 }), { owned: true })
    const erika = 'stakeholder:erika' as SubjectId
    const created = await keys.create(erika)
    if (E.isLeft(created)) throw created.left
    const reader = new Database(file)
    reader.prepare('BEGIN').run()
    reader.prepare('SELECT count(*) FROM dsgvo_subject_keys').get()
    const held = await keys.delete(erika)
    const inWal = readFileSync(`${file}-wal`).includes(Buffer.from(created.right.key))
    reader.prepare('COMMIT').run()
    reader.close()
    expect(inWal).toBe(true)
    expect(held).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', retryable: true })))
    // Once the reader is gone, deleting again empties the WAL: no copy of the key is left.
    expect(await keys.delete(erika)).toEqual(E.right(0))
    for (const f of [file, `${file}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(created.right.key))).toBe(false)
    await keys.close()
  })
})
