// Given the generic ownership CSV (one row per owner change), when it is imported, then each
// account opens at its first row, reasons become reason codes (`migrated` where none), an empty
// owner orphans the account, and bad rows are reported with line and field.
import { accountCommandHandler, defaultPolicy, inMemoryEventStore, instantOf, type EventStore } from '@account-ownership/core'
import { migrate, type MigrationSummary, type RowProblem } from '@account-ownership/crm-migration'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { at, eventsOf, fixture, ownerAt } from './account-log.js'

const importCsv = async (store: EventStore): Promise<{ summary: MigrationSummary; problems: RowProblem[] }> => {
  const problems: RowProblem[] = []
  const done = await migrate([{ format: 'ownership-csv', path: fixture('ownership-history.csv') }], { store, tenantId: 'acme-de', importedBy: 'migration', onProblem: (p) => problems.push(p) })
  if (E.isLeft(done)) throw done.left
  return { summary: done.right, problems }
}

describe('the generic ownership CSV', () => {
  it('records each account from its first row, with the reasons given, and reports bad rows', async () => {
    const store = inMemoryEventStore()
    const { summary, problems } = await importCsv(store)
    expect(problems.map((p) => `${p.line}:${p.field}:${p.code}`).sort()).toEqual(['5:changed_at:unparseable-date', '6:account_id:invalid-id', '9:reason:invalid-value'])
    const alpha = await eventsOf(store, 'kunde-100')
    expect(alpha.map((e) => e.type)).toEqual(['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred', 'AccountOrphaned'])
    expect(alpha[0]?.data).toMatchObject({ displayName: 'Alpha GmbH' })
    expect(alpha[2]?.data).toMatchObject({ fromOwnerId: 'anna', toOwnerId: 'ben', reasonCode: 'territory-change' })
    expect(alpha[2]?.metadata.occurredAt).toBe(at('2020-05-01T10:00:00Z'))
    expect(ownerAt(alpha, at('2021-01-01T00:00:00Z'))).toBeNull()
    const beta = await eventsOf(store, 'kunde-200')
    expect(beta[2]?.data).toMatchObject({ toOwnerId: 'anna', reasonCode: 'hunter-to-farmer' })
    expect(beta[2]?.metadata.actor).toEqual({ principalId: 'migration', onBehalfOf: 'carla' })
    expect(summary.events).toBe(4 + 3)
  })

  it('leaves an account the log holds already alone, names its dates, and imports the rest', async () => {
    const store = inMemoryEventStore()
    const crm = accountCommandHandler({ store, policy: defaultPolicy, clock: () => instantOf(Date.UTC(2024, 0, 15)) })
    const opened = await crm.handle({ type: 'OpenAccount', data: { accountId: 'kunde-100', tenantId: 'acme-de', displayName: 'Alpha GmbH', tier: 'key' } }, { commandId: 'crm-open-100', actor: 'hanna', tenantId: 'acme-de' })
    expect(E.isRight(opened)).toBe(true)
    const before = await store.headPosition()
    const { summary, problems } = await importCsv(store)
    const later = problems.filter((p) => p.code === 'later-events')
    expect(later.map((p) => `${p.line}:${p.field}`)).toEqual(['2:account_id'])
    expect(later[0]?.message).toContain('2024-01-15T00:00:00.000Z')
    expect(summary.accounts).toEqual({ recorded: 1, resumed: 0, alreadyImported: 0, skipped: 1 })
    expect((await eventsOf(store, 'kunde-100')).length).toBe(1)
    expect((await eventsOf(store, 'kunde-200')).length).toBe(3)
    expect(await store.headPosition()).toEqual(E.map((n: bigint) => n + 3n)(before))
  })

  it('leaves alone an account the log opened before its CRM history begins, too', async () => {
    const store = inMemoryEventStore()
    const crm = accountCommandHandler({ store, policy: defaultPolicy, clock: () => instantOf(Date.UTC(2015, 5, 1)) })
    await crm.handle({ type: 'OpenAccount', data: { accountId: 'kunde-200', tenantId: 'acme-de', displayName: 'Beta', tier: 'standard' } }, { commandId: 'crm-open-200', actor: 'hanna', tenantId: 'acme-de' })
    const { summary, problems } = await importCsv(store)
    const inLog = problems.filter((p) => p.code === 'later-events')
    expect(inLog.map((p) => `${p.line}:${p.field}`)).toEqual(['3:account_id'])
    expect(inLog[0]?.message).toContain('2015-06-01T00:00:00.000Z')
    expect(inLog[0]?.message).toContain('none after its history begins')
    expect(summary.accounts).toEqual({ recorded: 1, resumed: 0, alreadyImported: 0, skipped: 1 })
    expect((await eventsOf(store, 'kunde-200')).length).toBe(1)
  })
})
