/**
 * The retention report (Aufbewahrungsfristen) at a point in time: archived accounts whose
 * retention period is over, with the data subjects whose personal data may now be erased — the
 * contact persons they name and, for a sole trader, the account's own subject `account:<id>` —
 * and those still under retention, with the date it ends.
 *
 * @module
 */
import type { AccountId, Instant, SubjectId } from '@account-ownership/core'
import { instantArgument, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { sql, type Kysely } from 'kysely'
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
  /**
   * The data subjects whose personal data the account holds and who were not erased since: the
   * contact persons named on its map, and — since 0.4.0 — for a sole trader the account itself
   * (`account:<id>`: their name, the classification criteria).
   */
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
  /**
   * Subjects held only in accounts due for erasure — contact persons and sole traders' own
   * subjects (`account:<id>`, since 0.4.0): erase them (Art. 17(1) a, Art. 5(1) e).
   */
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
  // Archived sole traders whose own data is still held: no erasure of `account:<id>` came after
  // the last event that sealed some of it (criteria classified after an erasure are new data).
  const ownDataHeld = await db
    .selectFrom('dsgvo_accounts as a')
    .select(['a.account_id', 'a.retention_until'])
    .where('a.archived_at', 'is not', null)
    .where('a.sole_trader', '=', 1)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('dsgvo_erasures as e').select('e.subject_id').where('e.subject_id', '=', sql<string>`'account:' || ${sql.ref('a.account_id')}`).whereRef('e.source_position', '>', 'a.own_data_position'))),
    )
    .execute()
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
  // A sole trader's own subject is held by their account alone: due when its period is over.
  for (const own of ownDataHeld) {
    const subject = `account:${own.account_id}` as SubjectId
    subjectsOfAccount.set(own.account_id, (subjectsOfAccount.get(own.account_id) ?? new Set<SubjectId>()).add(subject))
    subjectDue.set(subject, due(own.retention_until))
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
