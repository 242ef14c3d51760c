// Given a sole trader's account (Bäckerei Anna Schmidt e.K.: her name is the business's name) and
// a company's account, each owned, classified and shared with a grantee, written through the
// encrypting store; when Anna asks what is held about her (Art. 15), then the report lists the
// events of her account that hold personal data about her, with the values and their sources, and
// the disclosure names everyone who could access her account's data — and nothing of the company's;
// after her data is erased, the same report shows `[erased]` and the erasure.
import { accountStream, CorruptEventError, type AccountEvent, type AccountId, type EventStore, type GrantId, type Instant } from '@account-ownership/core'
import { cast, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, disclosureDocument, erase, erasedMarker, subjectDisclosure, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { encryptingInMemory } from '../personal-data/encrypting-set-up.js'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('sole-trader')
const at = (day: string) => `${day}T09:00:00.000Z` as Instant
const anna = 'kunde-anna' as AccountId
const muster = 'kunde-muster' as AccountId
const controller = { controller: { name: 'Vertrieb GmbH', contact: 'datenschutz@vertrieb.example' } }

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

const storyOf = (accountId: AccountId, displayName: string, soleTrader: boolean, criteria: string): ReadonlyArray<AccountEvent> => [
  { type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName, tier: 'standard', openedBy: cast.dora, ...(soleTrader ? { soleTrader: true } : {}) } },
  { type: 'OwnershipAssigned', data: { accountId, ownerId: cast.hanna, assignedBy: cast.dora } },
  { type: 'AccountClassified', data: { accountId, tier: 'key', score: 70, criteria: [criteria], classifiedBy: cast.hanna } },
  {
    type: 'AccessGranted',
    data: { accountId, grantId: `g-${accountId}` as GrantId, granteeId: soleTrader ? cast.sven : cast.ada, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', grantedBy: cast.hanna, validFrom: at('2026-01-10'), expiresAt: at('2026-02-10') },
  } as AccountEvent,
]

describe("a sole trader's Art. 15 report", () => {
  const { store, keys } = encryptingInMemory(scratch)
  let db: Kysely<AuditTables>
  const project = async () => right(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())

  beforeAll(async () => {
    db = sqliteReadModels<AuditTables>(scratch.file())
    for (const [id, name, soleTrader, criteria] of [
      [anna, 'Bäckerei Anna Schmidt e.K.', true, 'Inhaberin plant Übergabe an Tochter'],
      [muster, 'Muster GmbH', false, 'Umsatz 2 Mio'],
    ] as const) {
      right(await store.append(accountStream(id), storyOf(id, name, soleTrader, criteria).map((e, i) => newEvent(e, { at: at(`2026-01-0${i + 1}`) })), { expectedVersion: 'no-stream' }))
    }
    await project()
  })

  it('lists the events of her account that hold personal data about her, with the values and sources', async () => {
    const report = right(await subjectReport(db, 'account:kunde-anna', { store }))
    expect(report.accountRecords.map((r) => [r.eventType, r.personalData, r.occurredAt, r.recordedBy, r.source.streamVersion])).toEqual([
      ['AccountOpened', { displayName: 'Bäckerei Anna Schmidt e.K.' }, at('2026-01-01'), 'dora', 0n],
      ['AccountClassified', { criteria: ['Inhaberin plant Übergabe an Tochter'] }, at('2026-01-03'), 'dora', 2n],
    ])
    expect([report.accessPeriods, report.mentions, report.actions, report.erasures]).toEqual([[], [], [], []])
  })

  it("holds a company's name as no one's personal data: only its criteria are under the account's key", async () => {
    const report = right(await subjectReport(db, 'account:kunde-muster', { store }))
    expect(report.accountRecords.map((r) => [r.eventType, Object.keys(r.personalData)])).toEqual([['AccountClassified', ['criteria']]])
  })

  it('names everyone who could access her account, and the purposes, categories and sources of her data', async () => {
    const disclosure = right(await subjectDisclosure(db, 'account:kunde-anna', { controller, store }))
    expect(disclosure.recipients.map((r) => [r.principalId, r.accountId, r.role, r.from, r.to])).toEqual([
      ['hanna', anna, 'owner', at('2026-01-02'), null],
      ['sven', anna, 'grantee (read)', at('2026-01-10'), at('2026-02-10')],
    ])
    expect(disclosure.purposes.map((p) => p.purpose)).toEqual(['Account management by the accountable owner', 'customer-support'])
    expect(disclosure.dataCategories[0]).toContain('the name you trade under')
    expect(disclosure.storagePeriods.map((s) => s.accountId)).toEqual([anna])
    expect(disclosure.sources).toEqual([{ recordedBy: 'dora', facts: 2 }])
    expect(disclosureDocument(disclosure)).toContain('Bäckerei Anna Schmidt e.K.')
  })

  it('answers a log it cannot read with the read error, never with a report that leaves records out', async () => {
    // The second event of her stream no longer decodes: the store's read throws where it reaches it.
    const corrupt = new CorruptEventError({ streamId: accountStream(anna), streamVersion: 1n, globalPosition: 2n }, 'data is not JSON')
    const damaged: EventStore = {
      ...store,
      readStream: (streamId, options) =>
        (async function* () {
          for await (const event of store.readStream(streamId, options)) {
            if (event.metadata.streamVersion === 1n) throw corrupt
            yield event
          }
        })(),
    }
    expect(await subjectReport(db, 'account:kunde-anna', { store: damaged })).toEqual(E.left(corrupt))
    expect(await subjectDisclosure(db, 'account:kunde-anna', { controller, store: damaged })).toEqual(E.left(corrupt))
  })

  it('refuses to report without the store, naming the option', async () => {
    const refused = await subjectReport(db, 'account:kunde-anna')
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'InvalidQueryError', field: 'store' })
  })

  it('after her erasure, shows [erased] in place of every value, and the erasure', async () => {
    right(await erase({ store, keys }, 'account:kunde-anna', { by: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', at: at('2026-04-01'), tenantId: tenant }))
    await project()
    const report = right(await subjectReport(db, 'account:kunde-anna', { store }))
    expect(report.accountRecords.map((r) => r.personalData)).toEqual([{ displayName: erasedMarker }, { criteria: [erasedMarker] }])
    expect(report.erasures.map((e) => [e.subjectId, e.erasedBy])).toEqual([['account:kunde-anna', 'dora']])
    const company = right(await subjectReport(db, 'account:kunde-muster', { store }))
    expect(company.accountRecords[0]?.personalData).toEqual({ criteria: ['Umsatz 2 Mio'] })
  })
})
