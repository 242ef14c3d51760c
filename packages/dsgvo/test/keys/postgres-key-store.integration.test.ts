import type { SubjectId } from '@account-ownership/core'
import { fileKeyEncryptionKeys, unwrapKey, type KeyEncryptionKeys } from '@account-ownership/dsgvo'
import { postgresKeyStore } from '@account-ownership/dsgvo/postgres'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { postgresDatabase } from '../postgres-database.js'
import { scratchDir } from '../scratch-dir.js'
import { keyEncryptionContract, keyStoreContract } from './key-store-contract.js'

const server = await postgresDatabase('keys')
const scratch = scratchDir('pg-keks')
const skip = server.skip === undefined ? '' : ` (skipped: ${server.skip})`

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw e.left
  return e.right
}

const fresh = async (kekFile?: string) => {
  const pool = server.pool()
  await pool.query('DROP TABLE IF EXISTS dsgvo_subject_keys, dsgvo_subject_key_versions')
  return { pool, keys: right(await postgresKeyStore(pool, kekFile === undefined ? {} : { keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })) }
}

describe.skipIf(server.skip !== undefined)(`the PostgreSQL key store${skip}`, () => {
  keyStoreContract(async () => (await fresh()).keys)
})

describe.skipIf(server.skip !== undefined)(`the PostgreSQL key store with key-encryption keys${skip}`, () => {
  keyEncryptionContract(async () => {
    const { pool } = await fresh()
    return {
      open: async (keyEncryptionKeys) => right(await postgresKeyStore(pool, keyEncryptionKeys === undefined ? {} : { keyEncryptionKeys })),
      stored: async (subjectId) =>
        (await pool.query<{ version: number; key: Buffer; kek_version: number | null }>('SELECT version, key, kek_version FROM dsgvo_subject_keys WHERE subject_id = $1 ORDER BY version', [subjectId])).rows.map((row) => ({
          version: row.version,
          key: row.key,
          kekVersion: row.kek_version,
        })),
    }
  })
})

describe.skipIf(server.skip !== undefined)(`the PostgreSQL key store with key-encryption keys in a file${skip}`, () => {
  keyStoreContract(async () => (await fresh(scratch.file('kek.json'))).keys)

  it('stores keys only wrapped, and after an erasure no key-encryption key left opens the erased key’s bytes', async () => {
    const kekFile = scratch.file()
    const { pool, keys } = await fresh(kekFile)
    const erika = 'stakeholder:erika' as SubjectId
    const max = 'stakeholder:max' as SubjectId
    const erikaKey = right(await keys.create(erika))
    const maxKey = right(await keys.create(max))
    // What the database holds — and may keep in its WAL, dead tuples and backups — is the wrapped key only.
    const { rows } = await pool.query<{ key: Buffer; kek_version: number }>("SELECT key, kek_version FROM dsgvo_subject_keys WHERE subject_id = 'stakeholder:erika'")
    const lingering = rows[0]!
    expect(lingering.key.includes(Buffer.from(erikaKey.key))).toBe(false)
    expect(lingering.kek_version).toBe(1)
    const before = JSON.parse(readFileSync(kekFile, 'utf8')) as { keys: Record<string, string> }
    expect(unwrapKey(Buffer.from(before.keys['1']!, 'base64'), lingering.key, 'stakeholder:erika~1')).toEqual(erikaKey.key)

    expect(right(await keys.delete(erika))).toBe(1)
    // The old KEK is gone from the file: the lingering bytes open under none that is left.
    const after = JSON.parse(readFileSync(kekFile, 'utf8')) as { current: number; keys: Record<string, string> }
    expect(Object.keys(after.keys)).toEqual([String(after.current)])
    expect(after.current).toBe(2)
    for (const kek of Object.values(after.keys)) expect(unwrapKey(Buffer.from(kek, 'base64'), lingering.key, 'stakeholder:erika~1')).toBeUndefined()
    // The other subject's key was re-wrapped under the new KEK and still opens.
    expect(right(await keys.keyFor(max))).toEqual(maxKey)
    expect(right(await keys.keyFor(erika))).toBeUndefined()
  })

  it('never writes a plain subject key into the server’s WAL (read where the server’s files are on this machine)', async (context) => {
    const walDir = '/var/lib/postgresql/15/main/pg_wal'
    if (!existsSync(walDir)) return context.skip(`the server's WAL is not on this machine (${walDir})`)
    const { pool, keys } = await fresh(scratch.file())
    const key = right(await keys.create('stakeholder:wal-probe' as SubjectId))
    await pool.query('CHECKPOINT').catch(() => undefined)
    const needle = Buffer.from(key.key)
    const segments = readdirSync(walDir).filter((f) => /^[0-9A-F]{24}$/.test(f))
    expect(segments.length).toBeGreaterThan(0)
    expect(segments.filter((f) => readFileSync(join(walDir, f)).includes(needle))).toEqual([])
  })
})

describe.skipIf(server.skip !== undefined)(`the PostgreSQL key store beside an erasure${skip}`, () => {
  it('opens a key whose row another subject’s erasure re-wrapped between its read and its unwrap', async () => {
    const file = fileKeyEncryptionKeys(scratch.file('kek-race.json'))
    // The KEK source holds the first lookup back until the erasure has rotated and retired its KEK.
    let held: Promise<void> | undefined
    const keks: KeyEncryptionKeys = {
      ...file,
      byVersion: async (version) => {
        const waiting = held
        held = undefined
        if (waiting !== undefined) await waiting
        return file.byVersion(version)
      },
    }
    const pool = server.pool()
    await pool.query('DROP TABLE IF EXISTS dsgvo_subject_keys, dsgvo_subject_key_versions')
    const keys = right(await postgresKeyStore(pool, { keyEncryptionKeys: keks }))
    right(await keys.create('stakeholder:erika' as SubjectId))
    const max = right(await keys.create('stakeholder:max' as SubjectId))
    let release!: () => void
    held = new Promise<void>((resolve) => (release = resolve))
    const reading = keys.keyFor('stakeholder:max' as SubjectId)
    await new Promise((resolve) => setTimeout(resolve, 100))
    right(await keys.delete('stakeholder:erika' as SubjectId))
    release()
    const read = await reading
    expect(E.isRight(read) && read.right?.key).toEqual(max.key)
  })
})
