/**
 * The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 DSGVO)
 * as far as the log knows it: for each purpose and legal basis, the categories of recipients who
 * could access account data, how many accounts and principals, since when; the account map of
 * contact persons; erasures; and the retention periods. The controller adds what the log cannot
 * know (its name, its DPO, transfers to third countries, technical measures).
 *
 * @module
 */
import type { Instant, LegalBasis } from '@account-ownership/core'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { defaultRetentionPolicy, type RetentionPolicy } from '../retention/retention-policy.js'
import type { AuditTables } from './audit.table.js'
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
  readonly recipients: number
  readonly since: Instant | null
}

/**
 * The record of processing.
 * @category audit
 * @since 0.1.0
 */
export interface RecordOfProcessing {
  readonly activities: ReadonlyArray<ProcessingActivity>
  readonly erasures: number
  /** Each record kind with its years and legal reference. */
  readonly retention: ReadonlyArray<{ readonly recordKind: string; readonly years: number; readonly legalReference: string }>
}

const categoryOf = (kind: string, scope: string, role: string | null): string =>
  kind === 'owner' ? 'owner' : kind === 'team' ? `team:${role ?? 'member'}` : `grantee (${scope})`

/**
 * The Art. 30 record of processing from the audit read model.
 * @category queries
 * @since 0.1.0
 */
export const recordOfProcessing = async (
  db: Kysely<AuditTables>,
  options: { readonly purposes?: ProcessingPurposes; readonly retention?: RetentionPolicy } = {},
): Promise<RecordOfProcessing> => {
  const purposes = options.purposes ?? defaultProcessingPurposes
  const retention = options.retention ?? defaultRetentionPolicy
  const role = sql<string | null>`case when kind = 'team' then detail else null end`
  const groups = await db
    .selectFrom('dsgvo_access_periods')
    .select(['purpose', 'legal_basis', 'kind', 'scope', role.as('role')])
    .select((eb) => [eb.fn.min('from_at').as('since')])
    .groupBy(['purpose', 'legal_basis', 'kind', 'scope', role])
    .execute()
  const counts = await db
    .selectFrom('dsgvo_access_periods')
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
    recipients: Number(mentions?.subjects ?? 0),
    since: (mentions?.since ?? null) as Instant | null,
  }
  return {
    activities: [...accountData, accountMap],
    erasures: Number(erasures?.n ?? 0),
    retention: Object.entries(retention.kinds).map(([recordKind, k]) => ({ recordKind, years: k.years, legalReference: k.legalReference })),
  }
}
