// `report subject account:<id>` for a sole trader whose business name and classification criteria
// are encrypted under her account's key, and `report subject principal:<id>` for an employee with a
// note on a grant to them encrypted under theirs: with --keys the report shows the values in
// plaintext, each with its source, to their subject only; without it, only what the log stores
// (the envelopes), never the text.
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { runBinary } from './cli-process.js'
import { writeEncryptedLog } from './encrypted-log.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('subject-report')
const log = join(dir, 'kunden.db')
const keysPath = join(dir, 'schluessel.db')
const wrappedLog = join(dir, 'kunden-kek.db')
const wrappedKeys = join(dir, 'schluessel-kek.db')
const kekPath = join(dir, 'kek.json')
const teamLog = join(dir, 'team.db')
const teamKeys = join(dir, 'team-schluessel.db')
const note = 'Vertretung während Svens Kur'
const name = 'Bäckerei Anna Schmidt e.K.'
const criterion = 'Inhaberin plant Übergabe an Tochter'

interface PrincipalRecords {
  readonly principalRecords: ReadonlyArray<{ readonly eventType: string; readonly personalData: Record<string, unknown>; readonly recordedBy: string; readonly source: { readonly streamId: string } }>
}

interface Records {
  readonly accountRecords: ReadonlyArray<{ readonly eventType: string; readonly personalData: Record<string, unknown>; readonly source: { readonly streamId: string } }>
}

const soleTrader = [
  { type: 'OpenAccount', data: { accountId: 'kunde-anna', tenantId: 'acme-de', displayName: name, tier: 'standard', soleTrader: true } },
  { type: 'ClassifyAccount', data: { accountId: 'kunde-anna', tier: 'key', score: 70, criteria: [criterion] } },
] as const

beforeAll(async () => {
  await writeEncryptedLog({ log, keys: keysPath }, soleTrader)
  await writeEncryptedLog({ log: wrappedLog, keys: wrappedKeys, kek: kekPath }, soleTrader)
  await writeEncryptedLog({ log: teamLog, keys: teamKeys }, [
    { type: 'OpenAccount', data: { accountId: 'kunde-7', tenantId: 'acme-de', displayName: 'Muster GmbH', tier: 'key' } },
    { type: 'AssignOwner', data: { accountId: 'kunde-7', ownerId: 'hanna' } },
    {
      type: 'GrantAccess',
      data: { accountId: 'kunde-7', grantId: 'g-sven', granteeId: 'sven', scope: 'read', purpose: 'customer-support', purposeNote: note, legalBasis: 'art6-1-b-contract', expiresAt: '2025-02-06T09:00:00.000Z' },
    },
  ])
})

describe('report subject account:<id>', () => {
  it('with --keys, shows the sole trader the values held about her, with their sources', () => {
    const run = runBinary(['--store', `sqlite:${log}`, '--json', 'report', 'subject', 'account:kunde-anna', '--keys', keysPath])
    expect(run.stderr).toBe('')
    const body = JSON.parse(run.stdout) as Records
    expect(body.accountRecords.map((r) => [r.eventType, r.personalData, r.source.streamId])).toEqual([
      ['AccountOpened', { displayName: name }, 'account-kunde-anna'],
      ['AccountClassified', { criteria: [criterion] }, 'account-kunde-anna'],
    ])
  })

  it('without --keys, lists the same records with what the log stores, never the plaintext', () => {
    const run = runBinary(['--store', `sqlite:${log}`, 'report', 'subject', 'account:kunde-anna', '--format', 'csv'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('own account')
    expect(run.stdout).not.toContain('Bäckerei')
    expect(run.stdout).not.toContain('Tochter')
  })

  it('with --keys and --kek, reads keys wrapped under a key-encryption key; without --kek, refuses naming it', () => {
    const run = runBinary(['--store', `sqlite:${wrappedLog}`, '--json', 'report', 'subject', 'account:kunde-anna', '--keys', wrappedKeys, '--kek', kekPath])
    expect(run.stderr).toBe('')
    expect((JSON.parse(run.stdout) as Records).accountRecords.map((r) => r.personalData)).toEqual([{ displayName: name }, { criteria: [criterion] }])
    const without = runBinary(['--store', `sqlite:${wrappedLog}`, 'report', 'subject', 'account:kunde-anna', '--keys', wrappedKeys])
    // The missing key-encryption key is the auditor's to give: a usage error naming --kek.
    expect(without.code).toBe(2)
    expect(without.stdout).not.toContain('Bäckerei')
    expect(without.stderr).toContain('--kek: keyEncryptionKeys')
  })

  it('refuses a key store that is not there, naming --keys', () => {
    const run = runBinary(['--store', `sqlite:${log}`, 'report', 'subject', 'account:kunde-anna', '--keys', join(dir, 'nowhere.db')])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('--keys')
  })
})

describe('report subject principal:<id>', () => {
  it("with --keys, shows the employee the note on a grant to them, with its source, and not the one who granted it", () => {
    const run = runBinary(['--store', `sqlite:${teamLog}`, '--json', 'report', 'subject', 'principal:sven', '--keys', teamKeys])
    expect(run.stderr).toBe('')
    expect((JSON.parse(run.stdout) as PrincipalRecords).principalRecords.map((r) => [r.eventType, r.personalData, r.recordedBy, r.source.streamId])).toEqual([
      ['AccessGranted', { purposeNote: note }, 'dora', 'account-kunde-7'],
    ])
    const granter = runBinary(['--store', `sqlite:${teamLog}`, '--json', 'report', 'subject', 'principal:dora', '--keys', teamKeys])
    expect((JSON.parse(granter.stdout) as PrincipalRecords).principalRecords).toEqual([])
    expect(granter.stdout).not.toContain('Svens Kur')
  })

  it('lists the note as a row of its own: in plaintext with --keys, as the log stores it without', () => {
    const opened = runBinary(['--store', `sqlite:${teamLog}`, 'report', 'subject', 'principal:sven', '--format', 'csv', '--keys', teamKeys])
    expect(opened.code).toBe(0)
    expect(opened.stdout.split('\n').find((line) => line.startsWith('personal text,'))).toContain('Svens Kur')
    const sealed = runBinary(['--store', `sqlite:${teamLog}`, 'report', 'subject', 'principal:sven', '--format', 'csv'])
    expect(sealed.code).toBe(0)
    expect(sealed.stdout.split('\n').find((line) => line.startsWith('personal text,'))).toContain('pd1~principal:sven~')
    expect(sealed.stdout).not.toContain('Svens Kur')
  })
})
