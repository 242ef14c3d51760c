/**
 * The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30(1)
 * DSGVO): (a) controller, representative and DPO, from configuration; (b) the purposes — for each
 * purpose and legal basis the log knows; (c) the categories of data subjects and of personal
 * data; (d) the categories of recipients who could access account data, and how many; (e)
 * transfers to third countries, from configuration; (f) the time limits for erasure of every
 * category; (g) the technical and organisational measures — the library's own and the
 * controller's.
 *
 * @module
 */
import type { Instant, LegalBasis } from '@account-ownership/core'
import type { ExpressionBuilder, Kysely } from 'kysely'
import { sql } from 'kysely'
import { defaultRetentionPolicy, type RetentionPolicy } from '../retention/retention-policy.js'
import type { AuditTables } from './audit.table.js'
import { libraryMeasures, type ControllerConfiguration, type Party, type ThirdCountryTransfer } from './controller.js'
import { defaultProcessingPurposes, type ProcessingPurposes } from './processing-purposes.js'

/**
 * One processing activity: a purpose on a legal basis.
 * @category audit
 * @since 0.1.0
 */
export interface ProcessingActivity {
  readonly purpose: string
  readonly legalBasis: LegalBasis
  /** E.g. `owner`, `team:finance`, `grantee (read)`, sorted. */
  readonly recipientCategories: ReadonlyArray<string>
  readonly dataSubjectCategories: ReadonlyArray<string>
  readonly dataCategories: ReadonlyArray<string>
  readonly accounts: number
  /** How many principals could access the data of this activity. */
  readonly recipients: number
  readonly since: Instant | null
}

/**
 * The record of processing.
 * @category audit
 * @since 0.1.0
 */
export interface RecordOfProcessing {
  /** Art. 30(1)(a): controller, representative and DPO; absent without configuration. */
  readonly controller?: Party
  readonly representative?: Party
  readonly dataProtectionOfficer?: Party
  readonly activities: ReadonlyArray<ProcessingActivity>
  /** Art. 30(1)(e). */
  readonly thirdCountryTransfers: ReadonlyArray<ThirdCountryTransfer>
  /** Art. 30(1)(f): when each category of personal data is erased. */
  readonly erasureDeadlines: ReadonlyArray<{ readonly category: string; readonly deadline: string }>
  /** Art. 30(1)(g): the library's measures, then the controller's. */
  readonly technicalAndOrganisationalMeasures: ReadonlyArray<string>
  readonly erasures: number
  /** Each record kind with its years and legal reference. */
  readonly retention: ReadonlyArray<{ readonly recordKind: string; readonly years: number; readonly legalReference: string }>
}

// A period that ended where it began gave nobody a moment of access: it counts for nothing.
const gaveAccess = (eb: ExpressionBuilder<AuditTables, 'dsgvo_access_periods'>) => eb.or([eb('to_at', 'is', null), eb('to_at', '>', eb.ref('from_at'))])

const categoryOf = (kind: string, scope: string, role: string | null): string =>
  kind === 'owner' ? 'owner' : kind === 'team' ? `team:${role ?? 'member'}` : `grantee (${scope})`

/**
 * The Art. 30 record of processing from the audit read model.
 * @category queries
 * @since 0.1.0
 */
export const recordOfProcessing = async (
  db: Kysely<AuditTables>,
  options: { readonly purposes?: ProcessingPurposes; readonly retention?: RetentionPolicy; readonly controller?: ControllerConfiguration } = {},
): Promise<RecordOfProcessing> => {
  const purposes = options.purposes ?? defaultProcessingPurposes
  const retention = options.retention ?? defaultRetentionPolicy
  const role = sql<string | null>`case when kind = 'team' then detail else null end`
  const groups = await db
    .selectFrom('dsgvo_access_periods')
    .where(gaveAccess)
    .select(['purpose', 'legal_basis', 'kind', 'scope', role.as('role')])
    .select((eb) => [eb.fn.min('from_at').as('since')])
    .groupBy(['purpose', 'legal_basis', 'kind', 'scope', role])
    .execute()
  const counts = await db
    .selectFrom('dsgvo_access_periods')
    .where(gaveAccess)
    .select(['purpose', 'legal_basis'])
    .select((eb) => [eb.fn.count('account_id').distinct().as('accounts'), eb.fn.count('principal_id').distinct().as('recipients')])
    .groupBy(['purpose', 'legal_basis'])
    .execute()
  const activities = new Map<string, { purpose: string; legalBasis: LegalBasis; categories: Set<string>; since: string | null }>()
  for (const g of groups) {
    const key = `${g.legal_basis}\u0000${g.purpose}`
    const a = activities.get(key) ?? { purpose: g.purpose, legalBasis: g.legal_basis as LegalBasis, categories: new Set(), since: null }
    a.categories.add(categoryOf(g.kind, g.scope, g.role))
    if (a.since === null || (g.since !== null && String(g.since) < a.since)) a.since = g.since === null ? a.since : String(g.since)
    activities.set(key, a)
  }
  const mentions = await db
    .selectFrom('dsgvo_stakeholder_mentions')
    .select((eb) => [eb.fn.count('account_id').distinct().as('accounts'), eb.fn.count('subject_id').distinct().as('subjects'), eb.fn.min('mapped_at').as('since')])
    .executeTakeFirst()
  // Who could see the account map: everyone with access to an account whose map names someone.
  const mapRecipients = await db
    .selectFrom('dsgvo_access_periods')
    .where(gaveAccess)
    .select((eb) => eb.fn.count('principal_id').distinct().as('n'))
    .where('account_id', 'in', db.selectFrom('dsgvo_stakeholder_mentions').select('account_id'))
    .executeTakeFirst()
  const erasures = await db.selectFrom('dsgvo_erasures').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
  const accountData: ProcessingActivity[] = [...activities.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, a]) => {
      const c = counts.find((x) => x.purpose === a.purpose && x.legal_basis === a.legalBasis)
      return {
        purpose: a.purpose,
        legalBasis: a.legalBasis,
        recipientCategories: [...a.categories].sort(),
        dataSubjectCategories: ['contact persons at customers', 'employees (by principal id)'],
        dataCategories: ['account data', 'contact persons on the account map'],
        accounts: Number(c?.accounts ?? 0),
        recipients: Number(c?.recipients ?? 0),
        since: a.since as Instant | null,
      }
    })
  const accountMap: ProcessingActivity = {
    purpose: purposes.stakeholders.purpose,
    legalBasis: purposes.stakeholders.legalBasis,
    recipientCategories: [...new Set(accountData.flatMap((a) => a.recipientCategories))].sort(),
    dataSubjectCategories: ['contact persons at customers'],
    dataCategories: ['name (encrypted)', 'e-mail (encrypted)', 'role in the buying centre'],
    accounts: Number(mentions?.accounts ?? 0),
    recipients: Number(mapRecipients?.n ?? 0),
    since: (mentions?.since ?? null) as Instant | null,
  }
  const config = options.controller
  const kinds = Object.entries(retention.kinds)
  return {
    ...(config === undefined ? {} : { controller: config.controller }),
    ...(config?.representative === undefined ? {} : { representative: config.representative }),
    ...(config?.dataProtectionOfficer === undefined ? {} : { dataProtectionOfficer: config.dataProtectionOfficer }),
    activities: [...accountData, accountMap],
    thirdCountryTransfers: config?.thirdCountryTransfers ?? [],
    erasureDeadlines: [
      ...kinds.map(([kind, k]) => ({ category: `account records (${kind})`, deadline: `${k.years} years after the end of the calendar year the account was archived in (${k.legalReference})` })),
      { category: 'contact persons on the account map (name, e-mail)', deadline: 'on request or objection (Art. 17, 21), at the latest with the records of the account' },
      { category: 'employees (principal ids in events)', deadline: 'with the records of the accounts they appear in; personal data of employees is kept outside the log' },
    ],
    technicalAndOrganisationalMeasures: [...libraryMeasures, ...(config?.measures ?? [])],
    erasures: Number(erasures?.n ?? 0),
    retention: Object.entries(retention.kinds).map(([recordKind, k]) => ({ recordKind, years: k.years, legalReference: k.legalReference })),
  }
}
