// `erase` on a real log whose contact person's name is encrypted under her own key: with --write
// her keys are destroyed, the erasure is recorded in the log, and her name no longer reads back.
import { accountCommandHandler, defaultPolicy, type Instant } from '@account-ownership/core'
import { encryptingEventStore, erasedMarker } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { runBinary } from './cli-process.js'
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

beforeAll(async () => {
  const opened = openSqliteEventStore({ path: log })
  if (E.isLeft(opened)) throw opened.left
  const keys = sqliteKeyStore(new Database(keysPath), { owned: true })
  const store = encryptingEventStore({ store: opened.right, keys })
  const accounts = accountCommandHandler({ store, policy: { ...defaultPolicy, admins: ['dora'] } as typeof defaultPolicy, clock: () => '2025-01-06T09:00:00.000Z' as Instant })
  let step = 0
  for (const command of [
    { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Müller Maschinenbau GmbH', tier: 'key' } },
    { type: 'MapStakeholder', data: { accountId: 'kunde-1', stakeholderId: 'erika', role: 'decision-maker', name: 'Erika Mustermann', email: 'erika@example.com' } },
  ] as const) {
    const handled = await accounts.handle(command, { commandId: `erase-fixture-${++step}`, actor: 'dora', tenantId: 'acme-de' })
    if (E.isLeft(handled)) throw new Error(handled.left.message)
  }
  await store.close()
  await keys.close()
})

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
