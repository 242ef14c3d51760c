/**
 * The Art. 15 disclosure (Auskunft) as the law lists it: the subject report's facts, and beside
 * them what Art. 15(1)(a)–(h) and (2) require — the purposes and legal bases, the categories of
 * personal data, the recipients (who could see the data: owners, team, grantees, by role and
 * period), how long it is kept, the data subject's rights, the right to lodge a complaint with the
 * supervisory authority, where the data came from, whether decisions are automated, and the
 * safeguards of transfers to third countries. What only the controller knows comes from its
 * configuration.
 *
 * @module
 */
import type { InvalidQueryError } from '@account-ownership/projections'
import type { EventStore, Instant, ReadError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import type { ControllerConfiguration, Party, ThirdCountryTransfer } from './controller.js'
import type { AuditTables } from './audit.table.js'
import { accessiblePeriods } from './accessible-periods.js'
import type { PersonalFields } from '../personal-data/personal-fields.js'
import { parseSubject } from '../subject/subject-id.js'
import { accessPeriodOf } from './audit-rows.js'
import { defaultProcessingPurposes, type ProcessingPurposes } from './processing-purposes.js'
import { subjectReport, type SubjectReport } from './subject-report.queries.js'

/**
 * Someone who could see the subject's data: by role, on which account, for which period.
 * @category audit
 * @since 0.2.0
 */
export interface Recipient {
  readonly principalId: string
  readonly accountId: string
  /** `owner`, `team:<role>` or `grantee (<scope>)`. */
  readonly role: string
  readonly from: Instant
  readonly to: Instant | null
}

/**
 * Everything Art. 15 asks the controller to tell a data subject.
 * @category audit
 * @since 0.2.0
 */
export interface SubjectDisclosure {
  readonly report: SubjectReport
  readonly controller: Party
  readonly dataProtectionOfficer?: Party
  /** (1)(a) */
  readonly purposes: ReadonlyArray<{ readonly purpose: string; readonly legalBasis: string }>
  /** (1)(b) */
  readonly dataCategories: ReadonlyArray<string>
  /** (1)(c) */
  readonly recipients: ReadonlyArray<Recipient>
  /** (1)(d): per account, until when its records are kept, or why it is not fixed yet. */
  readonly storagePeriods: ReadonlyArray<{ readonly accountId: string; readonly keptUntil: Instant | null; readonly rule: string }>
  /** (1)(e) */
  readonly rights: ReadonlyArray<string>
  /** (1)(f) */
  readonly complaint: { readonly right: string; readonly supervisoryAuthority?: Party }
  /** (1)(g): who recorded the facts about the subject (mapped them, granted their access, wrote a text about them), and how many each. */
  readonly sources: ReadonlyArray<{ readonly recordedBy: string; readonly facts: number }>
  /** (1)(h) */
  readonly automatedDecisions: string
  /** (2) */
  readonly thirdCountryTransfers: ReadonlyArray<ThirdCountryTransfer>
}

const rights = [
  'Right of access (Art. 15)',
  'Right to rectification (Art. 16)',
  'Right to erasure (Art. 17)',
  'Right to restriction of processing (Art. 18)',
  'Right to object (Art. 21)',
]

const roleOf = (kind: string, detail: string | null, scope: string) => (kind === 'owner' ? 'owner' : kind === 'team' ? `team:${detail ?? 'member'}` : `grantee (${scope})`)

/**
 * The Art. 15 disclosure for one data subject.
 * @category queries
 * @since 0.2.0
 * @example
 * const disclosure = await subjectDisclosure(db, 'stakeholder:erika', { controller, store })
 */
export const subjectDisclosure = async (
  db: Kysely<AuditTables>,
  subjectId: string,
  options: { readonly controller: ControllerConfiguration; readonly store?: EventStore; readonly purposes?: ProcessingPurposes; readonly personalFieldMap?: PersonalFields },
): Promise<E.Either<InvalidQueryError | ReadError, SubjectDisclosure>> => {
  const reported = await subjectReport(db, subjectId, {
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.personalFieldMap === undefined ? {} : { personalFieldMap: options.personalFieldMap }),
  })
  if (E.isLeft(reported)) return reported
  const report = reported.right
  const purposes = options.purposes ?? defaultProcessingPurposes
  const config = options.controller
  const contact = report.mentions.length > 0
  // A sole trader's own account is theirs to ask about, whether or not it holds personal fields yet.
  const parsed = parseSubject(report.subjectId)
  const soleTrader = parsed?.kind === 'account' ? parsed.id : undefined
  const accounts = [...new Set([...report.mentions.map((m) => m.accountId), ...report.accessPeriods.map((p) => p.accountId), ...(soleTrader === undefined ? [] : [soleTrader])])].sort()
  const entitlements = accounts.length === 0 ? [] : await db.selectFrom('dsgvo_access_periods').selectAll().where('account_id', 'in', accounts).orderBy('source_position').execute()
  const accessible = await accessiblePeriods(db, entitlements.map(accessPeriodOf))
  const recipients: Recipient[] = accessible.map((p) => ({ principalId: p.principalId, accountId: p.accountId, role: roleOf(p.kind, p.detail, p.scope), from: p.from, to: p.to }))
  const kept = accounts.length === 0 ? [] : await db.selectFrom('dsgvo_accounts').select(['account_id', 'retention_until', 'record_kind', 'archived_at']).where('account_id', 'in', accounts).orderBy('account_id').execute()
  const ownPurposes = contact
    ? [purposes.stakeholders]
    : soleTrader !== undefined
      ? accessible.map((p) => ({ purpose: p.purpose, legalBasis: p.legalBasis }))
      : [...report.accessPeriods, ...report.accessGranted].map((p) => ({ purpose: p.purpose, legalBasis: p.legalBasis }))
  const purposeList = [...new Map(ownPurposes.map((p) => [`${p.legalBasis} ${p.purpose}`, { purpose: p.purpose, legalBasis: p.legalBasis as string }])).values()]
  const recorders = new Map<string, number>()
  // A text on a grant to the subject is part of the grant, counted with its period already.
  const granted = new Set(report.accessPeriods.map((p) => p.source.globalPosition))
  const texts = (report.principalRecords ?? []).filter((r) => !granted.has(r.source.globalPosition))
  for (const fact of [...report.mentions.map((m) => m.mappedBy), ...report.accessPeriods.map((p) => p.grantedBy), ...report.accountRecords.map((r) => r.recordedBy), ...texts.map((r) => r.recordedBy)]) {
    recorders.set(fact, (recorders.get(fact) ?? 0) + 1)
  }
  return E.right({
    report,
    controller: config.controller,
    ...(config.dataProtectionOfficer === undefined ? {} : { dataProtectionOfficer: config.dataProtectionOfficer }),
    purposes: purposeList,
    dataCategories: contact
      ? ['name (encrypted)', 'e-mail address (encrypted)', 'role in the buying centre of the customer', 'the accounts whose map names you']
      : soleTrader !== undefined
        ? ['the name you trade under (encrypted)', "your account's classification: tier, score and criteria (criteria encrypted)", 'who owned your account and who could access it, and when']
        : [
            'principal id in the account log',
            'periods of access to account data, with purpose and legal basis',
            'actions recorded under your id (who did what, when)',
            'free text about you (encrypted under your key): the note on a grant to you, your reason for rejecting a transfer, the reason of your offboarding',
          ],
    recipients,
    storagePeriods: kept.map((k) => ({
      accountId: k.account_id,
      keptUntil: k.retention_until as Instant | null,
      rule: k.retention_until === null ? 'while the account is open; on archiving, the statutory retention period (HGB §257, AO §147) begins' : `retention as ${k.record_kind ?? 'records'} after archiving on ${k.archived_at ?? '?'}`,
    })),
    rights,
    complaint: { right: 'Right to lodge a complaint with a supervisory authority (Art. 77)', ...(config.supervisoryAuthority === undefined ? {} : { supervisoryAuthority: config.supervisoryAuthority }) },
    sources: [...recorders.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([recordedBy, facts]) => ({ recordedBy, facts })),
    automatedDecisions: 'None: no decision with legal or similarly significant effect on you is taken by automated means, including profiling (Art. 22). Account classification scores describe customer accounts, not persons.',
    thirdCountryTransfers: config.thirdCountryTransfers ?? [],
  })
}
