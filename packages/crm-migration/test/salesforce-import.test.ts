// Given Salesforce's Account and AccountHistory exports (made for this test: BOM, CRLF, quoted
// commas, quotes and line breaks, the two rows per owner change, queues, a deleted row, another
// field's history and one bad row of each kind), when they are imported, then each bad row is
// reported with file, line and field, the rest is recorded in business-time order, and the
// history answers `ownerAt` as the CRM's history does.
import { inMemoryEventStore, instantOf, type EventStore } from '@account-ownership/core'
import { migrate, type MigrationSummary, type RowProblem } from '@account-ownership/crm-migration'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { at, eventsOf, fixture, ownerAt } from './account-log.js'

const hanna = '0055g00000A1b2cAAB'
const jonas = '0055g00000B3d4eAAB'
const lea = '0055g00000C5f6gAAB'
const admin = '0055g00000E9j0kAAB'
const importedAt = instantOf(Date.UTC(2026, 10, 30, 12))
const sources = [
  { format: 'salesforce-accounts', path: fixture('Account.csv') },
  { format: 'salesforce-history', path: fixture('AccountHistory.csv') },
] as const

const importInto = async (store: EventStore, dryRun = false): Promise<{ summary: MigrationSummary; problems: RowProblem[] }> => {
  const problems: RowProblem[] = []
  const summary = await migrate(sources, { store, tenantId: 'acme-de', importedBy: 'migration', dryRun, onProblem: (p) => problems.push(p) })
  if (E.isLeft(summary)) throw summary.left
  return { summary: summary.right, problems }
}

describe('a Salesforce export', () => {
  let store: EventStore
  let first: { summary: MigrationSummary; problems: RowProblem[] }
  beforeAll(async () => {
    store = inMemoryEventStore({ clock: () => importedAt })
    first = await importInto(store)
  })

  it('reports each bad row with file, line, field and kind, sorted as found in the files', () => {
    const seen = first.problems.map((p) => `${p.file}:${p.line}:${p.field}:${p.code}`).sort()
    expect(seen).toEqual(
      [
        'Account.csv:7:OwnerId:current-owner-disagrees',
        'AccountHistory.csv:16:CreatedDate:unparseable-date',
        'AccountHistory.csv:19:AccountId:unknown-account',
        'AccountHistory.csv:21:NewValue:encoding',
        'AccountHistory.csv:27:OldValue:old-value-mismatch',
        'AccountHistory.csv:28:Id:duplicate-id',
        'AccountHistory.csv:29:DataType:unpaired-row',
        'AccountHistory.csv:30:DataType:unpaired-row',
      ].sort(),
    )
    expect(first.problems.find((p) => p.code === 'old-value-mismatch')?.message).toContain(`the owner at that time was ${jonas}`)
    expect(first.problems.find((p) => p.code === 'duplicate-id')?.message).toContain('line 7')
  })

  it('counts what it read, left out and wrote', () => {
    expect(first.summary).toEqual({
      dryRun: false,
      rowsRead: 6 + 29,
      ignored: { 'deleted history row (IsDeleted)': 1, 'history of another field than Owner': 1, 'owner change row of names (DataType Text), paired with its row of ids': 7 },
      problems: { 'unparseable-date': 1, 'unknown-account': 1, encoding: 1, 'old-value-mismatch': 1, 'duplicate-id': 1, 'unpaired-row': 2, 'current-owner-disagrees': 1 },
      accounts: { recorded: 6, resumed: 0, alreadyImported: 0, skipped: 1 },
      events: 19,
      unchanged: 0,
    })
  })

  it('opens an account at its created row and gives it the old value of its first change as owner', async () => {
    const acme = await eventsOf(store, '0015g00000Acme1AAB')
    expect(acme.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['AccountOpened', at('2019-03-14T09:21:07Z')],
      ['OwnershipAssigned', at('2019-03-14T09:21:07Z')],
      ['OwnershipTransferred', at('2020-06-01T09:00:00Z')],
    ])
    expect(acme[0]?.data).toMatchObject({ displayName: 'Acme Maschinenbau GmbH', tier: 'standard' })
    expect(acme[2]?.data).toMatchObject({ fromOwnerId: hanna, toOwnerId: jonas, reasonCode: 'migrated' })
  })

  it('keeps the original time as business time, the import time as recorded time, and names the source row', async () => {
    const [, , transfer] = await eventsOf(store, '0015g00000Acme1AAB')
    expect(transfer?.metadata).toMatchObject({
      occurredAt: at('2020-06-01T09:00:00Z'),
      recordedAt: importedAt,
      commandId: 'salesforce:AccountHistory:017000000004EIDAA2',
      actor: { principalId: 'migration', onBehalfOf: admin },
      tenantId: 'acme-de',
    })
  })

  it('maps a queue as owner to an account without an accountable person', async () => {
    const bau = await eventsOf(store, '0015g00000Bau02AAB')
    expect(bau.map((e) => e.type)).toEqual(['AccountOpened', 'OwnershipAssigned', 'AccountOrphaned', 'OwnershipAssigned'])
    expect(ownerAt(bau, at('2019-03-01T00:00:00Z'))).toBeNull()
    expect(ownerAt(bau, at('2019-05-15T14:00:00Z'))).toBe(lea)
  })

  it('replays changes at the same instant in the order of the file', async () => {
    const dienst = await eventsOf(store, '0015g00000Dien4AAB')
    expect(dienst.slice(2).map((e) => (e.data as { toOwnerId: string }).toOwnerId)).toEqual([hanna, jonas])
    expect(ownerAt(dienst, at('2021-07-01T10:00:00Z'))).toBe(jonas)
    expect(ownerAt(dienst, at('2021-06-30T00:00:00Z'))).toBe(lea)
  })

  it('ignores deleted rows, and gives an account without owner changes its owner of today since its creation', async () => {
    const chemie = await eventsOf(store, '0015g00000Chem3AAB')
    expect(chemie.map((e) => e.type)).toEqual(['AccountOpened', 'OwnershipAssigned'])
    expect(ownerAt(chemie, at('2025-01-01T00:00:00Z'))).toBe(hanna)
  })

  it('skips a mismatching change and records the rest; a history that ends elsewhere than the CRM is reported, not corrected', async () => {
    const fein = await eventsOf(store, '0015g00000Fein6AAB')
    expect(ownerAt(fein, at('2025-01-01T00:00:00Z'))).toBe(jonas)
    const elektro = await eventsOf(store, '0015g00000Elek5AAB')
    expect(ownerAt(elektro, at('2025-01-01T00:00:00Z'))).toBe(jonas)
  })

  it('adds nothing when the same files are imported again', async () => {
    const before = await store.headPosition()
    const again = await importInto(store)
    expect(await store.headPosition()).toEqual(before)
    expect(again.summary.accounts).toEqual({ recorded: 0, resumed: 0, alreadyImported: 6, skipped: 1 })
    expect(again.summary.events).toBe(0)
    expect(again.problems.filter((p) => p.code === 'later-events')).toEqual([])
  })

  it('in a dry run, reports what would be written and writes nothing', async () => {
    const empty = inMemoryEventStore()
    const dry = await importInto(empty, true)
    expect(await empty.headPosition()).toEqual(E.right(0n))
    expect(dry.summary).toEqual({ ...first.summary, dryRun: true })
    expect(dry.problems).toEqual(expect.arrayContaining(first.problems))
    expect(dry.problems.length).toBe(first.problems.length)
  })
})
