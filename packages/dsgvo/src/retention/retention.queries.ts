/**
 * The retention report (Aufbewahrungsfristen) at a point in time: archived accounts whose
 * retention period is over, with the contact persons they name whose personal data may now be
 * erased, and those still under retention, with the date it ends.
 *
 * @module
 */
import type { AccountId, Instant, SubjectId } from '@account-ownership/core'
import { instantArgument, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import type { AuditTables } from '../audit/audit.table.js'

/**
 * An archived account and its retention.
 * @category retention
 * @since 0.1.0
 */
export interface RetainedAccount {
  readonly accountId: AccountId
  readonly archivedAt: Instant
  readonly archiveReason: string
  readonly recordKind: string
  readonly retentionUntil: Instant
  /** Contact persons named on the account's map and not erased since. */
  readonly subjects: ReadonlyArray<SubjectId>
}

/**
 * An archived account that has no retention period: the record kind it was archived as is one
 * the retention policy does not know, or the kind's years are not a whole number. Nothing of it
 * falls due on its own; the policy needs fixing (and the audit read model rebuilding).
 * @category retention
 * @since 0.4.0
 */
export interface AccountWithoutPeriod extends Omit<RetainedAccount, 'retentionUntil'> {
  readonly retentionUntil: null
}

/**
 * What is due for erasure and what is still kept.
 * @category retention
 * @since 0.1.0
 */
export interface RetentionReport {
  readonly at: Instant
  readonly dueForErasure: ReadonlyArray<RetainedAccount>
  readonly underRetention: ReadonlyArray<RetainedAccount>
  /**
   * Archived accounts without a retention period (a record kind the policy does not know): they
   * are kept, and so are the contact persons they name, until the policy says for how long.
   * @since 0.4.0
   */
  readonly withoutPeriod: ReadonlyArray<AccountWithoutPeriod>
  /** Subjects named only in accounts due for erasure: erase them (Art. 17(1) a). */
  readonly subjectsDueForErasure: ReadonlyArray<SubjectId>
}

/**
 * The retention report at `at`.
 * @category queries
 * @since 0.1.0
 * @example
 * const report = await retentionReport(db, '2037-01-01T00:00:00Z')
 */
export const retentionReport = async (db: Kysely<AuditTables>, at: string): Promise<E.Either<InvalidQueryError, RetentionReport>> => {
  const decoded = instantArgument('at', at)
  if (E.isLeft(decoded)) return decoded
  const now = decoded.right
  const mentions = await db
    .selectFrom('dsgvo_stakeholder_mentions as m')
    .innerJoin('dsgvo_accounts as a', 'a.account_id', 'm.account_id')
    .leftJoin('dsgvo_erasures as e', (join) => join.onRef('e.subject_id', '=', 'm.subject_id').onRef('e.source_position', '>', 'm.source_position'))
    .select(['m.account_id', 'm.subject_id', 'a.retention_until', 'e.subject_id as erased'])
    .execute()
  // An archived account is one whose archive was not undone; one without a period is kept.
  const archived = await db.selectFrom('dsgvo_accounts').selectAll().where('archived_at', 'is not', null).orderBy('retention_until').orderBy('account_id').execute()
  const due = (until: string | null) => until !== null && until <= now
  // Grouped once, by account and by subject: a scan of every mention per account and per subject
  // made the report quadratic in the size of the log.
  const subjectsOfAccount = new Map<string, Set<SubjectId>>()
  const subjectDue = new Map<SubjectId, boolean>()
  for (const m of mentions) {
    if (m.erased !== null) continue
    const subject = m.subject_id as SubjectId
    const named = subjectsOfAccount.get(m.account_id) ?? new Set<SubjectId>()
    subjectsOfAccount.set(m.account_id, named.add(subject))
    subjectDue.set(subject, (subjectDue.get(subject) ?? true) && due(m.retention_until))
  }
  const accountOf = <U extends Instant | null>(row: (typeof archived)[number], retentionUntil: U) => ({
    accountId: row.account_id as AccountId,
    archivedAt: row.archived_at as Instant,
    archiveReason: row.archive_reason ?? '',
    recordKind: row.record_kind ?? '',
    retentionUntil,
    subjects: [...(subjectsOfAccount.get(row.account_id) ?? [])].sort(),
  })
  const withPeriod: RetainedAccount[] = archived.flatMap((a) => (a.retention_until === null ? [] : [accountOf(a, a.retention_until as Instant)]))
  return E.right({
    at: now,
    dueForErasure: withPeriod.filter((a) => due(a.retentionUntil)),
    underRetention: withPeriod.filter((a) => !due(a.retentionUntil)),
    withoutPeriod: archived.flatMap((a) => (a.retention_until === null ? [accountOf(a, null)] : [])),
    subjectsDueForErasure: [...subjectDue].filter(([, allDue]) => allDue).map(([subject]) => subject).sort(),
  })
}
