// Given an Account export in the API's 18-character spelling and an AccountHistory export in the
// reports' 15-character one (or upper-cased by a spreadsheet), when they are imported, then each
// account is one stream and each user one principal, under the 18-character spelling; an id whose
// checksum cannot be right is reported naming its field.
import { inMemoryEventStore, instantOf, type EventStore } from '@account-ownership/core'
import { canonicalSalesforceId, migrate, type MigrationSummary, type RowProblem } from '@account-ownership/crm-migration'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { at, eventsOf, ownerAt } from './account-log.js'

const acme = '0015g00000Acme1AAB'
const hanna = '0055g00000A1b2cAAB'
const jonas = '0055g00000B3d4eAAB'
const short = (id: string): string => id.slice(0, 15)
const recordId = (id: string): string => E.getOrElse((): string => id)(canonicalSalesforceId(id))
const [created, byIds, byNames] = ['017000000001CRT', '017000000002EID', '017000000002TXT'].map(recordId)

const importFiles = async (
  accounts: string,
  history: string,
  store: EventStore = inMemoryEventStore({ clock: () => instantOf(Date.UTC(2026, 10, 30)) }),
): Promise<{ store: EventStore; summary: MigrationSummary; problems: RowProblem[] }> => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-ids-'))
  writeFileSync(join(dir, 'Account.csv'), accounts)
  writeFileSync(join(dir, 'AccountHistory.csv'), history)
  const problems: RowProblem[] = []
  const summary = await migrate(
    [
      { format: 'salesforce-accounts', path: join(dir, 'Account.csv') },
      { format: 'salesforce-history', path: join(dir, 'AccountHistory.csv') },
    ],
    { store, tenantId: 'acme-de', importedBy: 'migration', onProblem: (p) => problems.push(p) },
  )
  if (E.isLeft(summary)) throw summary.left
  return { store, summary: summary.right, problems }
}

const accountsFile = `Id,Name,OwnerId,CreatedDate\r\n${acme},Acme GmbH,${jonas},2019-03-14T09:00:00.000+0000\r\n`
const historyFile = (spell: (id: string) => string) =>
  [
    'Id,IsDeleted,AccountId,CreatedById,CreatedDate,Field,DataType,OldValue,NewValue',
    `${spell(created!)},false,${spell(acme)},${spell(hanna)},2019-03-14T09:00:00.000+0000,created,,,`,
    `${spell(byIds!)},false,${spell(acme)},${spell(hanna)},2020-05-15T14:00:00.000+0000,Owner,EntityId,${spell(hanna)},${spell(jonas)}`,
    `${spell(byNames!)},false,${spell(acme)},${spell(hanna)},2020-05-15T14:00:00.000+0000,Owner,Text,Hanna,Jonas`,
  ].join('\r\n') + '\r\n'

describe('Salesforce record ids in two spellings', () => {
  it.each([
    ['15 characters (reports)', short],
    ['18 characters upper-cased (a spreadsheet)', (id: string) => id.toUpperCase()],
  ])('the history in %s names the accounts and users of the Account export', async (_, spell) => {
    const { store, summary, problems } = await importFiles(accountsFile, historyFile(spell))
    expect(problems).toEqual([])
    expect(summary.accounts.recorded).toBe(1)
    const events = await eventsOf(store, acme)
    expect(events.map((e) => e.type)).toEqual(['AccountOpened', 'OwnershipAssigned', 'OwnershipTransferred'])
    expect(ownerAt(events, at('2020-01-01T00:00:00Z'))).toBe(hanna)
    expect(ownerAt(events, at('2021-01-01T00:00:00Z'))).toBe(jonas)
  })

  it('adds nothing when the same history is imported again in the other spelling', async () => {
    const { store } = await importFiles(accountsFile, historyFile(short))
    const again = await importFiles(accountsFile, historyFile((id) => id), store)
    expect(again.summary.events).toBe(0)
    expect((await eventsOf(store, acme)).length).toBe(3)
  })

  it('reports an id whose checksum marks a digit as a capital, naming the field, and imports nothing of that row', async () => {
    const broken = `${acme.slice(0, 15)}ZZZ`
    const { problems } = await importFiles(accountsFile.replace(acme, broken), historyFile((id) => id))
    expect(problems.map((p) => `${p.file}:${p.line}:${p.field}:${p.code}`)).toContain('Account.csv:2:Id:invalid-id')
    expect(problems.find((p) => p.field === 'Id')?.message).toContain('checksum does not match')
  })
})

const id15 = fc.stringMatching(/^[0-9A-Za-z]{15}$/)

describe('canonicalSalesforceId', () => {
  it('gives one spelling for a record in either spelling and any case of its 18-character form', () => {
    fc.assert(
      fc.property(id15, (id) => {
        const canonical = canonicalSalesforceId(id)
        expect(E.isRight(canonical)).toBe(true)
        const eighteen = (canonical as E.Right<string>).right
        expect(eighteen.slice(0, 15)).toBe(id)
        expect(canonicalSalesforceId(eighteen)).toEqual(E.right(eighteen))
        expect(canonicalSalesforceId(eighteen.toUpperCase())).toEqual(E.right(eighteen))
        expect(canonicalSalesforceId(eighteen.toLowerCase())).toEqual(E.right(eighteen))
      }),
      { numRuns: 500 },
    )
  })

  it('tells two records apart that differ only in case, which the 15-character spelling alone cannot in a case-blind tool', () => {
    fc.assert(
      fc.property(id15.filter((id) => /[a-z]/.test(id)), (id) => {
        const other = id.toUpperCase()
        expect(recordId(id).toLowerCase()).not.toBe(recordId(other).toLowerCase())
      }),
    )
  })

  it('refuses what is no record id', () => {
    for (const bad of ['', '001', '0015g00000Acme1AA', '0015g00000Acme1AAB0', '0015g00000Acme1-AB', '0015g00000Acme1a9b']) expect(E.isLeft(canonicalSalesforceId(bad))).toBe(true)
  })
})
