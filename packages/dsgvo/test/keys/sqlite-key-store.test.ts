import { sqliteKeyStore } from '@account-ownership/dsgvo'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { keyStoreContract } from './key-store-contract.js'

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
