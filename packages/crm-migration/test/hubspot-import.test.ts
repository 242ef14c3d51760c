// Given HubSpot's companies with the owner's history (CRM API JSON) and its company CSV export,
// when they are imported, then each company's owner history is recorded oldest first, an empty
// owner leaves the account without one, and bad entries are reported with file, line and field.
import { inMemoryEventStore, type EventStore } from '@account-ownership/core'
import { migrate, sourceFiles, type MigrationSummary, type RowProblem } from '@account-ownership/crm-migration'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { at, eventsOf, fixture, ownerAt } from './account-log.js'

describe('a HubSpot export', () => {
  let store: EventStore
  let summary: MigrationSummary
  const problems: RowProblem[] = []
  beforeAll(async () => {
    store = inMemoryEventStore()
    const sources = sourceFiles('hubspot', [fixture('hubspot-companies.json'), fixture('hubspot-companies.csv')])
    if (E.isLeft(sources)) throw sources.left
    expect(sources.right.map((s) => s.format)).toEqual(['hubspot-companies', 'hubspot-company-export'])
    const done = await migrate(sources.right, { store, tenantId: 'nord', importedBy: 'migration', onProblem: (p) => problems.push(p) })
    if (E.isLeft(done)) throw done.left
    summary = done.right
  })

  it('reports the bad entries with file, line and field', () => {
    expect(problems.map((p) => `${p.file}:${p.line}:${p.field}:${p.code}`).sort()).toEqual(
      [
        'hubspot-companies.json:1:results[2].propertiesWithHistory.hubspot_owner_id[0].timestamp:unparseable-date',
        'hubspot-companies.json:1:timestamp:refused',
        'hubspot-companies.csv:4:Company owner:invalid-id',
      ].sort(),
    )
    expect(problems.find((p) => p.code === 'refused')?.message).toContain('before the account was created')
  })

  it('records the history oldest first; an empty owner leaves the company without one', async () => {
    const nordlicht = await eventsOf(store, '5101')
    expect(nordlicht.map((e) => e.type)).toEqual(['AccountOpened', 'OwnershipAssigned', 'AccountOrphaned', 'OwnershipAssigned'])
    expect(ownerAt(nordlicht, at('2020-04-01T08:00:04Z'))).toBeNull()
    expect(ownerAt(nordlicht, at('2021-01-01T00:00:00Z'))).toBe('65432')
    expect(ownerAt(nordlicht, at('2021-12-31T00:00:00Z'))).toBeNull()
    expect(ownerAt(nordlicht, at('2022-01-10T09:00:00Z'))).toBe('71234')
    expect(nordlicht[1]?.metadata).toMatchObject({ commandId: `hubspot:company:5101:hubspot_owner_id:${Date.parse('2020-04-01T08:00:05Z')}`, actor: { principalId: 'migration', onBehalfOf: '902' } })
  })

  it('gives a company without history in the JSON its owner from the owner-assigned date of the CSV export', async () => {
    const rhein = await eventsOf(store, '5104')
    expect(rhein.map((e) => [e.type, e.metadata.occurredAt])).toEqual([
      ['AccountOpened', at('2019-05-06T07:00:00Z')],
      ['OwnershipAssigned', at('2021-03-03T11:00:00Z')],
    ])
    expect(rhein[0]?.data).toMatchObject({ displayName: 'Rhein Pharma AG, Werk Leverkusen' })
  })

  it('counts the companies', () => {
    expect(summary.accounts).toEqual({ recorded: 4, resumed: 0, alreadyImported: 0, skipped: 0 })
    expect(summary.rowsRead).toBe(3 + 3)
  })
})
