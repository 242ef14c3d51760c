// Given one account's story written through the encrypting store — Hanna owns it and gives Sven
// access with a note on what for, and Ada access without one; she asks to hand the account to
// Felix, Dora rejects that with her reason; Hanna maps Erika as a contact; Sven is offboarded by
// Dora with a reason — when an employee asks what is held about them (Art. 15), then the report
// shows each free text sealed under their key, with its source, as read now: Sven the note on his
// grant and the reason of his offboarding, Dora her rejection reason; and nobody the text of
// another — not the granter the note, not the requester the rejection, not the one who offboarded
// the reason, not the one who mapped a contact the contact's name. After Sven's erasure his texts
// read `[erased]`; Dora's still read in plain.
import {
  accountStream,
  principalStream,
  StoreUnavailableError,
  type AccountEvent,
  type AccountId,
  type EventStore,
  type GrantId,
  type Instant,
  type PrincipalId,
  type TransferId,
} from '@account-ownership/core'
import { cast, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, defaultPersonalFields, disclosureDocument, erase, erasedMarker, subjectDisclosure, subjectReport, type AuditTables, type SubjectReport } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { encryptingInMemory } from '../personal-data/encrypting-set-up.js'
import { mapped } from '../stakeholders.js'
import { scratchDir } from '../scratch-dir.js'

const scratch = scratchDir('employee-texts')
const at = (day: string) => `${day}T09:00:00.000Z` as Instant
const kunde = 'kunde-7' as AccountId
const controller = { controller: { name: 'Vertrieb GmbH', contact: 'datenschutz@vertrieb.example' } }
const note = 'Vertretung während Svens Kur'
const rejection = 'Felix ist noch in der Probezeit'
const leaving = 'Elternzeit ab Mai'
const texts = [note, rejection, leaving, 'Erika Mustermann']

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

const grant = (grantId: string, granteeId: PrincipalId, purposeNote?: string): AccountEvent =>
  ({
    type: 'AccessGranted',
    data: { accountId: kunde, grantId: grantId as GrantId, granteeId, scope: 'read', purpose: 'customer-support', ...(purposeNote === undefined ? {} : { purposeNote }), legalBasis: 'art6-1-b-contract', grantedBy: cast.hanna, validFrom: at('2026-01-10'), expiresAt: at('2026-02-10') },
  }) as AccountEvent

const story: ReadonlyArray<readonly [AccountEvent, string, PrincipalId]> = [
  [{ type: 'AccountOpened', data: { accountId: kunde, tenantId: tenant, displayName: 'Muster GmbH', tier: 'key', openedBy: cast.dora } }, '2026-01-05', cast.dora],
  [{ type: 'OwnershipAssigned', data: { accountId: kunde, ownerId: cast.hanna, assignedBy: cast.dora } }, '2026-01-05', cast.dora],
  [grant('g-sven', cast.sven, note), '2026-01-10', cast.hanna],
  [grant('g-ada', cast.ada), '2026-01-10', cast.hanna],
  [{ type: 'OwnershipTransferRequested', data: { accountId: kunde, transferId: 't-1' as TransferId, fromOwnerId: cast.hanna, toOwnerId: cast.felix, reasonCode: 'territory-change', requestedBy: cast.hanna, keepsTeam: true } } as AccountEvent, '2026-01-12', cast.hanna],
  [{ type: 'OwnershipTransferRejected', data: { accountId: kunde, transferId: 't-1' as TransferId, rejectedBy: cast.dora, reason: rejection } } as AccountEvent, '2026-01-13', cast.dora],
  [mapped('erika', 'Erika Mustermann', 'erika@muster.de', kunde), '2026-01-20', cast.hanna],
]

/** What a report shows of each record: the event, the account, the values, who recorded it, where. */
const shown = (report: SubjectReport) => report.principalRecords?.map((r) => [r.eventType, r.accountId, r.personalData, r.recordedBy, `${r.source.streamId}@${r.source.streamVersion}`])

describe("an employee's Art. 15 report shows the free texts sealed under their key", () => {
  const { store, keys } = encryptingInMemory(scratch)
  let db: Kysely<AuditTables>
  const project = async () => right(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())

  beforeAll(async () => {
    db = sqliteReadModels<AuditTables>(scratch.file())
    right(await store.append(accountStream(kunde), story.map(([event, day, actor]) => newEvent(event, { at: at(day), actor })), { expectedVersion: 'no-stream' }))
    const offboarded = { type: 'PrincipalOffboarded', data: { principalId: cast.sven, successorId: cast.felix, offboardedBy: cast.dora, reason: leaving } } as unknown as AccountEvent
    right(await store.append(principalStream(cast.sven), [newEvent(offboarded, { at: at('2026-02-05') })], { expectedVersion: 'no-stream' }))
    await project()
  })

  it("shows the grantee the note on their grant and the offboarded employee their offboarding's reason, with sources", async () => {
    const sven = right(await subjectReport(db, 'principal:sven', { store }))
    expect(shown(sven)).toEqual([
      ['AccessGranted', kunde, { purposeNote: note }, 'hanna', 'account-kunde-7@2'],
      ['PrincipalOffboarded', null, { reason: leaving }, 'dora', 'principal-sven@0'],
    ])
    expect(sven.principalRecords?.map((r) => r.occurredAt)).toEqual([at('2026-01-10'), at('2026-02-05')])
  })

  it('shows the one who rejected a transfer their reason', async () => {
    const dora = right(await subjectReport(db, 'principal:dora', { store }))
    expect(shown(dora)).toEqual([['OwnershipTransferRejected', kunde, { reason: rejection }, 'dora', 'account-kunde-7@5']])
  })

  it("shows nobody another's text: not the granter the note, the requester the rejection, the offboarder the reason, the mapper the contact's name", async () => {
    for (const principal of ['hanna', 'felix', 'ada']) {
      const report = right(await subjectReport(db, `principal:${principal}`, { store }))
      expect(report.principalRecords).toEqual([])
      for (const text of texts) expect(JSON.stringify(report, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(text)
    }
    const dora = right(await subjectReport(db, 'principal:dora', { store }))
    for (const text of [note, leaving, 'Erika Mustermann']) expect(JSON.stringify(dora, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(text)
  })

  it('discloses the texts in the Art. 15 document and names them as a category of data, to their subject only', async () => {
    const sven = right(await subjectDisclosure(db, 'principal:sven', { controller, store }))
    const document = disclosureDocument(sven)
    expect(document).toContain(note)
    expect(document).toContain(leaving)
    expect(document).not.toContain(rejection)
    expect(sven.dataCategories.some((c) => c.includes('free text'))).toBe(true)
    const hanna = disclosureDocument(right(await subjectDisclosure(db, 'principal:hanna', { controller, store })))
    for (const text of texts) expect(hanna).not.toContain(text)
  })

  it('says the texts were not read when made without the store, rather than that there are none', async () => {
    const without = right(await subjectReport(db, 'principal:sven'))
    const withStore = right(await subjectReport(db, 'principal:sven', { store }))
    expect([without.principalRecords, withStore.principalRecords?.length]).toEqual([undefined, 2])
    expect(without.accessPeriods).toEqual(withStore.accessPeriods)
  })

  it('answers a log it cannot read where a text is kept with the read error, never a report without it', async () => {
    const unavailable = new StoreUnavailableError('the disk went away', true)
    const failing: EventStore = { ...store, readStream: () => (async function* () { throw unavailable })() }
    expect(await subjectReport(db, 'principal:sven', { store: failing })).toEqual(E.left(unavailable))
    expect(await subjectDisclosure(db, 'principal:sven', { controller, store: failing })).toEqual(E.left(unavailable))
  })

  it('refuses a field map that seals a text under a principal the audit read model cannot find, naming the option', async () => {
    // An orphaning names its previous owner, but no audit table indexes that field.
    const personalFieldMap = { ...defaultPersonalFields, AccountOrphaned: { subject: { kind: 'principal', idField: 'previousOwnerId' }, fields: ['reason'] } } as const
    const refused = await subjectReport(db, 'principal:hanna', { store, personalFieldMap })
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'InvalidQueryError', field: 'personalFieldMap' })
  })

  it("after the employee's erasure, shows [erased] in place of their texts; another employee's still read", async () => {
    right(await erase({ store, keys }, 'principal:sven', { by: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', at: at('2026-04-01'), tenantId: tenant }))
    await project()
    const sven = right(await subjectReport(db, 'principal:sven', { store }))
    expect(sven.principalRecords?.map((r) => r.personalData)).toEqual([{ purposeNote: erasedMarker }, { reason: erasedMarker }])
    expect(sven.erasures.map((e) => e.subjectId)).toEqual(['principal:sven'])
    const dora = right(await subjectReport(db, 'principal:dora', { store }))
    expect(dora.principalRecords?.map((r) => r.personalData)).toEqual([{ reason: rejection }])
  })
})

describe("an employee's free texts in pages", () => {
  it('come page by page with the events they are in, and the pages together give the whole list', async () => {
    const { store } = encryptingInMemory(scratch)
    const db = sqliteReadModels<AuditTables>(scratch.file())
    const grants = Array.from({ length: 23 }, (_, i) => newEvent(grant(`g-${i}`, cast.sven, i % 3 === 0 ? undefined : `Notiz ${i}`), { at: at('2026-01-10'), actor: cast.hanna }))
    const opened = story.slice(0, 2).map(([event, day, actor]) => newEvent(event, { at: at(day), actor }))
    right(await store.append(accountStream(kunde), [...opened, ...grants], { expectedVersion: 'no-stream' }))
    right(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())
    const whole = right(await subjectReport(db, 'principal:sven', { store }))
    expect(whole.principalRecords?.map((r) => r.personalData['purposeNote'])).toEqual(Array.from({ length: 23 }, (_, i) => i).filter((i) => i % 3 !== 0).map((i) => `Notiz ${i}`))
    const paged: unknown[] = []
    let after: bigint | undefined
    let pages = 0
    for (;;) {
      const page = right(await subjectReport(db, 'principal:sven', { store, page: { size: 10, ...(after === undefined ? {} : { after }) } }))
      pages += 1
      const last = page.nextAfter ?? 1_000_000n
      expect(page.principalRecords?.every((r) => r.source.globalPosition > (after ?? 0n) && r.source.globalPosition <= last)).toBe(true)
      paged.push(...(page.principalRecords ?? []))
      if (page.nextAfter === undefined) break
      after = page.nextAfter
    }
    expect(pages).toBeGreaterThan(2)
    expect(paged).toEqual(whole.principalRecords)
    await db.destroy()
  })
})
