/**
 * The audit reports, one feature suite run on every read-model dialect.
 *
 * @module
 */
import { accessReview, disclosureDocument, erasedMarker, recordOfProcessing, subjectDisclosure, retentionReport, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { StoreUnavailableError, type EventStore } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scratchDir } from '../../scratch-dir.js'
import type { AuditDialect } from '../audit-dialect.js'
import { auditScenario } from '../audit-scenario.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

export const auditFeatures = (dialect: AuditDialect) =>
  describe.skipIf(dialect.skip !== undefined)(`the audit read model on ${dialect.name}${dialect.skip === undefined ? '' : ` (skipped: ${dialect.skip})`}`, () => {
    const scratch = scratchDir('audit-scenario')
    let db: Kysely<AuditTables>
    let scenario: Awaited<ReturnType<typeof auditScenario>>
    beforeAll(async () => {
      db = await dialect.open()
      scenario = await auditScenario(db, scratch.file(), scratch.file())
    })
    afterAll(async () => {
      await scenario?.close()
      await db?.destroy()
    })

    it('reports to an employee every period of access, as owner, team member and grantee, with sources', async () => {
      const felix = right(await subjectReport(db, 'principal:felix'))
      expect(felix.accessPeriods.map((p) => [p.kind, p.detail, p.from, p.to, p.endedHow, p.legalBasis])).toEqual([
        ['team', 'finance', '2026-01-05T09:00:00.000Z', '2026-02-01T09:00:00.000Z', 'team-dropped-on-transfer', 'art6-1-b-contract'],
        // Felix still owns kunde-7, but nobody could access it once it was archived on 12 March.
        ['owner', null, '2026-02-01T09:00:00.000Z', '2026-03-12T09:00:00.000Z', 'archived', 'art6-1-b-contract'],
      ])
      expect(felix.accessPeriods[1]?.source).toEqual({ streamId: 'account-kunde-7', streamVersion: 6n, globalPosition: 7n })
      const hanna = right(await subjectReport(db, 'principal:hanna'))
      expect(hanna.accessPeriods.map((p) => [p.kind, p.to, p.grantedBy])).toEqual([['owner', '2026-02-01T09:00:00.000Z', 'dora']])
      expect(hanna.accessGranted.map((p) => [p.principalId, p.kind, p.purpose])).toEqual([
        ['felix', 'team', 'Account management by the account team'],
        ['sven', 'grant', 'customer-support'],
        ['ada', 'grant', 'audit'],
      ])
      const sven = right(await subjectReport(db, 'principal:sven'))
      expect(sven.offboardings.map((o) => [o.offboardedAt, o.source.streamId])).toEqual([['2026-02-05T09:00:00.000Z', 'principal-sven']])
    })

    it('reports to an employee every event they acted in, on whose behalf, and every event naming them, with sources', async () => {
      const felix = right(await subjectReport(db, 'principal:felix'))
      expect(felix.actions.map((a) => [a.eventType, a.role, a.accountId, a.occurredAt, a.source.globalPosition])).toEqual([
        ['AccountArchived', 'actor', 'kunde-7', '2026-03-12T09:00:00.000Z', 9n],
        ['AccountArchived', 'archivedBy', 'kunde-7', '2026-03-12T09:00:00.000Z', 9n],
      ])
      expect(felix.namedIn.map((n) => [n.eventType, n.role, n.accountId, n.source])).toEqual([
        ['PrincipalOffboarded', 'successorId', null, { streamId: 'principal-sven', streamVersion: 0n, globalPosition: 8n }],
      ])
      const hanna = right(await subjectReport(db, 'principal:hanna'))
      expect(hanna.actions.map((a) => [a.eventType, a.role])).toEqual([
        ['TeamMemberAdded', 'addedBy'],
        ['AccessGranted', 'grantedBy'],
        ['AccessGranted', 'grantedBy'],
        ['StakeholderMapped', 'mappedBy'],
        ['AccountArchived', 'onBehalfOf'],
      ])
      const dora = right(await subjectReport(db, 'principal:dora'))
      expect(dora.actions.filter((a) => a.role !== 'actor').map((a) => [a.eventType, a.role, a.source.streamId])).toEqual([
        ['AccountOpened', 'openedBy', 'account-kunde-7'],
        ['OwnershipAssigned', 'assignedBy', 'account-kunde-7'],
        ['OwnershipTransferred', 'transferredBy', 'account-kunde-7'],
        ['PrincipalOffboarded', 'offboardedBy', 'principal-sven'],
        ['PersonalDataErased', 'erasedBy', 'subject-stakeholder:erika'],
      ])
      expect(dora.actions.filter((a) => a.role === 'actor').map((a) => a.source.globalPosition)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 10n])
      expect(dora.namedIn).toEqual([])
    })

    it("reports to an employee the free texts held under their key, read from the log, and no one else's", async () => {
      const sven = right(await subjectReport(db, 'principal:sven', { store: scenario.store, page: { size: 10 } }))
      expect(sven.principalRecords?.map((r) => [r.eventType, r.accountId, r.personalData, r.source.streamId, r.source.streamVersion])).toEqual([
        ['AccessGranted', 'kunde-7', { purposeNote: 'Support ticket 4711' }, 'account-kunde-7', 3n],
        ['PrincipalOffboarded', null, { reason: 'left the company' }, 'principal-sven', 0n],
      ])
      const ada = right(await subjectReport(db, 'principal:ada', { store: scenario.store }))
      expect(ada.principalRecords?.map((r) => r.personalData)).toEqual([{ purposeNote: 'Annual audit' }])
      // Hanna granted both and mapped Erika; Dora offboarded Sven: none of it is theirs.
      for (const principal of ['hanna', 'dora']) expect(right(await subjectReport(db, `principal:${principal}`, { store: scenario.store })).principalRecords).toEqual([])
    })

    it('reports to a contact person every account map naming them, their data as the log holds it now, and the erasure', async () => {
      const erika = right(await subjectReport(db, 'stakeholder:erika', { store: scenario.store }))
      expect(erika.mentions.map((m) => [m.accountId, m.role, m.personalData, m.source.streamVersion])).toEqual([
        ['kunde-7', 'decision-maker', { name: erasedMarker, email: erasedMarker }, 5n],
      ])
      expect(erika.erasures.map((e) => [e.erasedBy, e.legalGround, e.keysDestroyed, e.source.streamId])).toEqual([['dora', 'art17-1-c-objection', 1, 'subject-stakeholder:erika']])
      expect(E.isLeft(await subjectReport(db, 'erika'))).toBe(true)
    })

    it("answers a log it cannot read where a contact person's values are kept with the read error, not a report without them", async () => {
      const unavailable = new StoreUnavailableError('the disk went away', true)
      const failing: EventStore = { ...scenario.store, readStream: () => (async function* () { throw unavailable })() }
      expect(await subjectReport(db, 'stakeholder:erika', { store: failing })).toEqual(E.left(unavailable))
      // Without the store the report names the mentions only, and reads no event.
      expect(E.isRight(await subjectReport(db, 'stakeholder:erika'))).toBe(true)
    })

    it('discloses to a contact person all Art. 15 asks: purposes, categories, recipients by role and period, storage, rights, complaint, sources, automated decisions, transfers', async () => {
      const controller = {
        controller: { name: 'ACME Vertrieb GmbH', contact: 'datenschutz@acme.example' },
        supervisoryAuthority: { name: 'BayLDA', contact: 'poststelle@lda.bayern.de' },
        thirdCountryTransfers: [{ country: 'US', recipient: 'CRM hosting', safeguard: 'EU-US Data Privacy Framework' }],
      }
      const erika = right(await subjectDisclosure(db, 'stakeholder:erika', { controller, store: scenario.store }))
      expect(erika.purposes).toEqual([{ purpose: 'Account map of contact persons at the customer (buying centre)', legalBasis: 'art6-1-f-legitimate-interests' }])
      expect([...new Set(erika.recipients.map((r) => `${r.principalId}:${r.role}`))].sort()).toEqual(['ada:grantee (read)', 'felix:owner', 'felix:team:finance', 'hanna:owner', 'sven:grantee (read)'])
      expect(erika.recipients.every((r) => r.accountId === 'kunde-7' && (r.to === null || r.to > r.from))).toBe(true)
      expect(erika.storagePeriods.map((s) => [s.accountId, s.keptUntil])).toEqual([['kunde-7', '2032-12-31T23:00:00.000Z']])
      expect(erika.rights).toHaveLength(5)
      expect(erika.complaint.supervisoryAuthority?.name).toBe('BayLDA')
      expect(erika.sources).toEqual([{ recordedBy: 'hanna', facts: 1 }])
      expect(erika.thirdCountryTransfers.map((t) => t.country)).toEqual(['US'])
      const document = disclosureDocument(erika)
      for (const heading of ['Art. 15(1)(a)', 'Art. 15(1)(b)', 'Art. 15(1)(c)', 'Art. 15(1)(d)', 'Art. 15(1)(e)', 'Art. 15(1)(f)', 'Art. 15(1)(g)', 'Art. 15(1)(h)', 'Art. 15(2)', 'Empfänger — Recipients']) {
        expect(document).toContain(heading)
      }
      expect(document).toContain('[erased]')
      const sven = right(await subjectDisclosure(db, 'principal:sven', { controller }))
      expect(sven.purposes.map((p) => p.purpose)).toEqual(['customer-support'])
      expect(E.isLeft(await subjectDisclosure(db, 'erika', { controller }))).toBe(true)
    })

    it('keeps the record of processing by purpose and legal basis, with categories of recipients and retention', async () => {
      const record = await recordOfProcessing(db)
      expect(record.activities.map((a) => [a.purpose, a.legalBasis, a.recipientCategories, a.accounts, a.recipients])).toEqual([
        ['Account management by the account team', 'art6-1-b-contract', ['team:finance'], 1, 1],
        ['Account management by the accountable owner', 'art6-1-b-contract', ['owner'], 1, 2],
        ['customer-support', 'art6-1-b-contract', ['grantee (read)'], 1, 1],
        ['audit', 'art6-1-c-legal-obligation', ['grantee (read)'], 1, 1],
        // Recipients of the account map: hanna and felix (owners, felix also on the team), sven and ada (grantees).
        ['Account map of contact persons at the customer (buying centre)', 'art6-1-f-legitimate-interests', ['grantee (read)', 'owner', 'team:finance'], 1, 4],
      ])
      expect(record.erasures).toBe(1)
      expect([record.controller, record.thirdCountryTransfers]).toEqual([undefined, []])
      expect(record.erasureDeadlines.map((d) => d.category)).toEqual([
        'account records (commercial-letter)',
        'account records (accounting-record)',
        'contact persons on the account map (name, e-mail)',
        'employees (principal ids in events)',
      ])
      const configured = await recordOfProcessing(db, {
        controller: {
          controller: { name: 'ACME Vertrieb GmbH', contact: 'datenschutz@acme.example' },
          dataProtectionOfficer: { name: 'DSB der ACME', contact: 'dsb@acme.example' },
          thirdCountryTransfers: [{ country: 'US', recipient: 'CRM hosting', safeguard: 'EU-US Data Privacy Framework' }],
          measures: ['Backups encrypted at rest'],
        },
      })
      expect([configured.controller?.name, configured.dataProtectionOfficer?.contact, configured.thirdCountryTransfers.map((t) => t.country)]).toEqual(['ACME Vertrieb GmbH', 'dsb@acme.example', ['US']])
      expect(configured.technicalAndOrganisationalMeasures.at(-1)).toBe('Backups encrypted at rest')
      expect(configured.technicalAndOrganisationalMeasures.length).toBeGreaterThan(5)
      expect(record.retention.map((r) => [r.recordKind, r.years])).toEqual([['commercial-letter', 6], ['accounting-record', 10]])
    })

    it('reviews access: grants without expiry, old grants, access beyond an offboarding', async () => {
      const review = right(await accessReview(db, { at: '2026-02-07T00:00:00Z', olderThanDays: 20 }))
      expect(review.withoutExpiry.map((p) => p.principalId)).toEqual(['ada'])
      expect(review.olderThan.map((p) => p.principalId)).toEqual(['sven', 'ada'])
      expect(review.afterOffboarding.map((p) => [p.principalId, p.to, p.offboardedAt])).toEqual([['sven', '2026-02-10T09:00:00.000Z', '2026-02-05T09:00:00.000Z']])
      expect(right(await accessReview(db, { at: '2026-01-15T00:00:00Z', olderThanDays: 20 })).olderThan).toEqual([])
      expect(E.isLeft(await accessReview(db, { at: 'yesterday', olderThanDays: 1 }))).toBe(true)
      // A cutoff beyond the calendar finds nothing that old, rather than throwing a RangeError.
      expect(right(await accessReview(db, { at: '2026-02-07T00:00:00Z', olderThanDays: 1e9 })).olderThan).toEqual([])
      for (const [options, field] of [[null, 'options'], [{ at: '2026-02-07T00:00:00Z', olderThanDays: 1.5 }, 'olderThanDays'], [{ at: '2026-02-07T00:00:00Z', olderThanDays: NaN }, 'olderThanDays']] as const) {
        expect(await accessReview(db, options as never)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidQueryError', field })))
      }
    })

    it('lists archived accounts under retention until the period ends, then as due for erasure', async () => {
      const before = right(await retentionReport(db, '2032-12-31T22:59:59.999Z'))
      expect(before.underRetention.map((a) => [a.accountId, a.recordKind, a.retentionUntil])).toEqual([['kunde-7', 'commercial-letter', '2032-12-31T23:00:00.000Z']])
      expect(before.dueForErasure).toEqual([])
      const after = right(await retentionReport(db, '2032-12-31T23:00:00.000Z'))
      expect(after.dueForErasure.map((a) => a.accountId)).toEqual(['kunde-7'])
      // Erika is erased already, so nothing named on the account is left to erase.
      expect(after.dueForErasure[0]?.subjects).toEqual([])
      expect(after.subjectsDueForErasure).toEqual([])
    })
  })
