// `erase` on a real log whose contact person's name is encrypted under her own key: with --write
// her keys are destroyed, the erasure is recorded in the log, and her name no longer reads back.
import type { SubjectId } from '@account-ownership/core'
import { encryptingEventStore, erasedMarker, fileKeyEncryptionKeys } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { runBinary } from './cli-process.js'
import { writeEncryptedLog } from './encrypted-log.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('erase')
const log = join(dir, 'kunden.db')
const keysPath = join(dir, 'schluessel.db')

const nameOfErika = async (): Promise<unknown> => {
  const opened = openSqliteEventStore({ path: log, readonly: true })
  if (E.isLeft(opened)) throw opened.left
  const keys = sqliteKeyStore(new Database(keysPath), { owned: true })
  const store = encryptingEventStore({ store: opened.right, keys })
  let name: unknown
  for await (const event of store.readAll()) if (event.type === 'StakeholderMapped') name = event.data.name
  await store.close()
  await keys.close()
  return name
}

const erika = { type: 'MapStakeholder', data: { accountId: 'kunde-1', stakeholderId: 'erika', role: 'decision-maker', name: 'Erika Mustermann', email: 'erika@example.com' } } as const
const openKunde = { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Müller Maschinenbau GmbH', tier: 'key' } } as const

beforeAll(() => writeEncryptedLog({ log, keys: keysPath }, [openKunde, erika]))

describe('erase', () => {
  it('destroys the subject keys, records the erasure, and the name reads as erased', async () => {
    expect(await nameOfErika()).toBe('Erika Mustermann')
    const run = runBinary(['--store', `sqlite:${log}`, '--json', 'erase', 'stakeholder:erika', '--reason', 'art17-1-b-consent-withdrawn', '--by', 'dpo-anna', '--tenant', 'acme-de', '--keys', keysPath, '--write', '--at', '2025-03-01'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const body = JSON.parse(run.stdout) as { subjectId: string; keysDestroyed: number }
    expect(body.subjectId).toBe('stakeholder:erika')
    expect(body.keysDestroyed).toBeGreaterThanOrEqual(1)
    expect(await nameOfErika()).toBe(erasedMarker)
    const replay = JSON.parse(runBinary(['--store', `sqlite:${log}`, '--json', 'replay']).stdout) as { eventsByType: Record<string, number> }
    expect(replay.eventsByType['PersonalDataErased']).toBe(1)
  })
})

describe('erase with --kek, on a key store whose keys are wrapped', () => {
  const kekLog = join(dir, 'kunden-kek.db')
  const kekKeys = join(dir, 'schluessel-kek.db')
  const kekFile = join(dir, 'kek.json')
  const withKeks = () => sqliteKeyStore(new Database(kekKeys), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })
  const eraseErika = (...more: ReadonlyArray<string>) =>
    runBinary(['--store', `sqlite:${kekLog}`, '--json', 'erase', 'stakeholder:erika', '--reason', 'art17-1-b-consent-withdrawn', '--by', 'dpo-anna', '--tenant', 'acme-de', '--keys', kekKeys, '--write', '--at', '2025-03-01', ...more])

  beforeAll(() =>
    writeEncryptedLog({ log: kekLog, keys: kekKeys, kek: kekFile }, [
      openKunde,
      erika,
      { type: 'MapStakeholder', data: { accountId: 'kunde-1', stakeholderId: 'max', role: 'champion', name: 'Max Mustermann', email: 'max@example.com' } } as const,
    ]),
  )

  it('refuses to erase without --kek, or with a --kek file that is not there, naming --kek, and destroys nothing', async () => {
    const without = eraseErika()
    expect(without.code).toBe(2)
    expect(without.stderr).toContain('--kek')
    const missing = eraseErika('--kek', join(dir, 'no-kek.json'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--kek: there is no key-encryption key file')
    expect(existsSync(join(dir, 'no-kek.json'))).toBe(false)
    const keys = withKeks()
    expect(await keys.keyFor('stakeholder:erika' as SubjectId)).toEqual(E.right(expect.objectContaining({ version: 1 })))
    await keys.close()
  })

  it('with --kek destroys the keys and retires the KEK, so a copy of the key store taken before gives the erased key back no more', async () => {
    const backup = join(dir, 'schluessel-kek-backup.db')
    copyFileSync(kekKeys, backup)
    if (existsSync(`${kekKeys}-wal`)) copyFileSync(`${kekKeys}-wal`, `${backup}-wal`)
    const run = eraseErika('--kek', kekFile)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { keysDestroyed: number }).keysDestroyed).toBe(1)
    const ring = JSON.parse(readFileSync(kekFile, 'utf8')) as { current: number; keys: Record<string, string> }
    expect(ring.current).toBe(2)
    expect(Object.keys(ring.keys)).toEqual(['2'])
    const restored = sqliteKeyStore(new Database(backup), { owned: true, keyEncryptionKeys: fileKeyEncryptionKeys(kekFile) })
    expect(E.isLeft(await restored.keyFor('stakeholder:erika' as SubjectId))).toBe(true)
    await restored.close()
    const keys = withKeks()
    expect(E.isRight(await keys.keyFor('stakeholder:max' as SubjectId))).toBe(true)
    await keys.close()
  })
})
