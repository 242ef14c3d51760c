// The SQLite key store with its KEKs in a file: what a copy of the key file, taken before an
// erasure, still gives back afterwards — and a file written before KEKs, opened with them.
import { fileKeyEncryptionKeys, secretKeyEncryptionKey } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import type { SubjectId } from '@account-ownership/core'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('sqlite-kek-backup')
const erika = 'stakeholder:erika' as SubjectId
const max = 'stakeholder:max' as SubjectId

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw e.left
  return e.right
}

// A file-system backup of a live WAL database: the file and its -wal, as they are.
const copyKeyFile = (file: string, to: string) => {
  copyFileSync(file, to)
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${to}-wal`)
}

describe('a copy of the SQLite key file taken before an erasure', () => {
  it('gives back the erased subject’s key under no KEK left, and the other subject’s key only from the live file under the current KEK', async () => {
    const file = scratch.file()
    const kekFile = scratch.file('kek.json')
    const keys = sqliteKeyStore(new Database(file), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })
    const erikaKey = right(await keys.create(erika))
    const maxKey = right(await keys.create(max))
    const backup = scratch.file('backup.db')
    const secondBackup = scratch.file('backup-2.db')
    copyKeyFile(file, backup)
    copyKeyFile(file, secondBackup)
    const kekFileBefore = readFileSync(kekFile)
    for (const f of [backup, `${backup}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(erikaKey.key))).toBe(false)

    expect(right(await keys.delete(erika))).toBe(1)
    await keys.close()

    // The copy, opened with the KEKs as they are now: the KEK that wrapped its keys is retired.
    const restored = sqliteKeyStore(new Database(backup), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })
    expect(await restored.keyFor(erika)).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', retryable: false })))
    expect(await restored.keyFor(max)).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError' })))
    await restored.close()
    // The live file gives back the other subject's key, re-wrapped under the current KEK.
    const live = sqliteKeyStore(new Database(file), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })
    expect(right(await live.keyFor(max))).toEqual(maxKey)
    expect(right(await live.keyFor(erika))).toBeUndefined()
    await live.close()
    // Whoever kept the KEK file of before gets both keys from the copy: the KEK's place is what must forget.
    const keptKekFile = scratch.file('kek-kept.json')
    writeFileSync(keptKekFile, kekFileBefore)
    const withKeptKek = sqliteKeyStore(new Database(secondBackup), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(keptKekFile) })
    expect(right(await withKeptKek.keyFor(erika))).toEqual(erikaKey)
    expect(right(await withKeptKek.keyFor(max))).toEqual(maxKey)
    await withKeptKek.close()
    // ... but the live file's key of the other subject opens under none but the current KEK.
    const liveWithKeptKek = sqliteKeyStore(new Database(file), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(keptKekFile) })
    expect(E.isLeft(await liveWithKeptKek.keyFor(max))).toBe(true)
    await liveWithKeptKek.close()
  })
})

describe('a key file written before key-encryption keys', () => {
  it('is read by a store opened with KEKs, and after the next erasure holds the old plain keys nowhere', async () => {
    const file = scratch.file()
    // The schema of 0.2.0: no kek_version column, keys plain.
    const old = new Database(file)
    old.pragma('journal_mode = WAL')
    old.exec(`CREATE TABLE dsgvo_subject_keys (subject_id TEXT NOT NULL, version INTEGER NOT NULL, key BLOB NOT NULL, PRIMARY KEY (subject_id, version));
              CREATE TABLE dsgvo_subject_key_versions (subject_id TEXT NOT NULL PRIMARY KEY, last_version INTEGER NOT NULL)`)
    const erikaPlain = Buffer.alloc(32, 0xe1)
    const maxPlain = Buffer.alloc(32, 0x3a)
    for (const [subject, key] of [[erika, erikaPlain], [max, maxPlain]] as const) {
      old.prepare('INSERT INTO dsgvo_subject_keys VALUES (?, 1, ?)').run(subject, key)
      old.prepare('INSERT INTO dsgvo_subject_key_versions VALUES (?, 1)').run(subject)
    }
    old.close()

    const keys = sqliteKeyStore(new Database(file), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(scratch.file('kek.json')) })
    expect(right(await keys.keyFor(erika))).toEqual({ subjectId: erika, version: 1, key: new Uint8Array(erikaPlain) })
    expect(right(await keys.keyFor(max, 1))).toEqual({ subjectId: max, version: 1, key: new Uint8Array(maxPlain) })
    expect(right(await keys.delete(erika))).toBe(1)
    expect(right(await keys.keyFor(max))).toEqual({ subjectId: max, version: 1, key: new Uint8Array(maxPlain) })
    await keys.close()
    for (const f of [file, `${file}-wal`]) {
      if (!existsSync(f)) continue
      expect(readFileSync(f).includes(erikaPlain)).toBe(false)
      expect(readFileSync(f).includes(maxPlain)).toBe(false)
    }
  })
})

describe('a damaged key-encryption key file', () => {
  it.each([
    ['keys.1', { current: 1, keys: { 1: Buffer.alloc(16).toString('base64') } }],
    ['current', { current: 2, keys: { 1: Buffer.alloc(32).toString('base64') } }],
    ['current', { keys: { 1: Buffer.alloc(32).toString('base64') } }],
    ['current', { current: '1', keys: { 1: Buffer.alloc(32).toString('base64') } }],
    ['keys', { current: 1 }],
  ])('is refused with the field at fault named (%s), and no key is stored', async (field, ring) => {
    const kekFile = scratch.file('bad-kek.json')
    writeFileSync(kekFile, JSON.stringify(ring))
    const keys = sqliteKeyStore(new Database(scratch.file()), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })
    const created = await keys.create(erika)
    expect(created).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', field, retryable: false })))
    if (E.isLeft(created)) expect(created.left.message).not.toContain(Buffer.alloc(16).toString('base64'))
    expect(right(await keys.versionsOf(erika))).toBe(0)
    await keys.close()
  })
})

describe('one fixed secret as the key-encryption key', () => {
  it('is refused when it is not 32 bytes, naming the field; of 32 bytes it wraps keys and erases without rotating', async () => {
    expect(secretKeyEncryptionKey(Buffer.alloc(16).toString('base64'))).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', field: 'keyEncryptionKey' })))
    const keks = right(secretKeyEncryptionKey(Buffer.alloc(32, 7).toString('base64')))
    const file = scratch.file()
    const keys = sqliteKeyStore(new Database(file), { owned: true, keyEncryptionKeys: keks })
    const erikaKey = right(await keys.create(erika))
    const maxKey = right(await keys.create(max))
    expect(right(await keys.keyFor(erika))).toEqual(erikaKey)
    expect(right(await keys.delete(erika))).toBe(1)
    expect(right(await keys.keyFor(max))).toEqual(maxKey)
    await keys.close()
    expect(readFileSync(file).includes(Buffer.from(maxKey.key))).toBe(false)
  })
})
