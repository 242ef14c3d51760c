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
 * What is due for erasure and what is still kept.
 * @category retention
 * @since 0.1.0
 */
export interface RetentionReport {
  readonly at: Instant
  readonly dueForErasure: ReadonlyArray<RetainedAccount>
  readonly underRetention: ReadonlyArray<RetainedAccount>
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
  const live = mentions.filter((m) => m.erased === null)
  const archived = await db.selectFrom('dsgvo_accounts').selectAll().where('retention_until', 'is not', null).orderBy('retention_until').orderBy('account_id').execute()
  const accountOf = (row: (typeof archived)[number]): RetainedAccount => ({
    accountId: row.account_id as AccountId,
    archivedAt: row.archived_at as Instant,
    archiveReason: row.archive_reason ?? '',
    recordKind: row.record_kind ?? '',
    retentionUntil: row.retention_until as Instant,
    subjects: [...new Set(live.filter((m) => m.account_id === row.account_id).map((m) => m.subject_id as SubjectId))].sort(),
  })
  const due = (until: string | null) => until !== null && until <= now
  const subjects = new Set(live.map((m) => m.subject_id))
  const subjectsDueForErasure = [...subjects].filter((s) => live.filter((m) => m.subject_id === s).every((m) => due(m.retention_until))).sort() as SubjectId[]
  return E.right({
    at: now,
    dueForErasure: archived.filter((a) => due(a.retention_until)).map(accountOf),
    underRetention: archived.filter((a) => !due(a.retention_until)).map(accountOf),
    subjectsDueForErasure,
  })
}
