/**
 * The Art. 15 subject report (Auskunft) as rows: one row per fact — an access period, a grant the
 * subject gave, an offboarding, an action, a mention, a record of a sole trader's own account, a
 * free text held about an employee under their key, an erasure — each with its source in the log,
 * for a table, CSV, or the HTML document.
 *
 * @module
 */
import type { Source, SubjectReport } from '@account-ownership/dsgvo'
import type { Cell } from '../terminal/table.js'

/**
 * The column heads of the rows.
 * @category reports
 * @since 0.2.0
 */
export const subjectReportHead = ['section', 'account', 'principal', 'what', 'detail', 'from', 'to', 'purpose', 'legal basis', 'source'] as const

const sourceOf = (s: Source): string => `${s.streamId}@${s.streamVersion} (#${s.globalPosition})`

/**
 * The rows of a subject report, section by section.
 * @category reports
 * @since 0.2.0
 */
export const subjectReportRows = (report: SubjectReport): ReadonlyArray<ReadonlyArray<Cell>> => [
  ...report.accessPeriods.map((p) => ['access', p.accountId, p.principalId, p.kind, p.detail, p.from, p.to, p.purpose, p.legalBasis, sourceOf(p.source)]),
  ...report.accessGranted.map((p) => ['granted to others', p.accountId, p.principalId, p.kind, p.detail, p.from, p.to, p.purpose, p.legalBasis, sourceOf(p.source)]),
  ...report.offboardings.map((o) => ['offboarding', null, o.principalId, 'offboarded', o.successorId === null ? null : `successor ${o.successorId}`, o.offboardedAt, null, null, null, sourceOf(o.source)]),
  ...report.actions.map((a) => ['action', a.accountId, a.principalId, a.eventType, a.role, a.occurredAt, null, null, null, sourceOf(a.source)]),
  ...report.namedIn.map((a) => ['named in', a.accountId, a.principalId, a.eventType, a.role, a.occurredAt, null, null, null, sourceOf(a.source)]),
  ...report.mentions.map((m) => [
    'account map',
    m.accountId,
    m.stakeholderId,
    m.role,
    m.personalData === undefined ? null : JSON.stringify(m.personalData),
    m.mappedAt,
    m.removedAt,
    null,
    null,
    sourceOf(m.source),
  ]),
  ...report.accountRecords.map((r) => ['own account', r.accountId, null, r.eventType, JSON.stringify(r.personalData), r.occurredAt, null, null, null, sourceOf(r.source)]),
  ...(report.principalRecords ?? []).map((r) => ['personal text', r.accountId, r.recordedBy, r.eventType, JSON.stringify(r.personalData), r.occurredAt, null, null, null, sourceOf(r.source)]),
  ...report.erasures.map((e) => ['erasure', null, e.erasedBy, 'erased', `${e.legalGround}, ${e.keysDestroyed} key(s)`, e.erasedAt, null, null, null, sourceOf(e.source)]),
]
