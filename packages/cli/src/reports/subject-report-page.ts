/**
 * The Art. 15 report of one data subject as a self-contained HTML document a data-protection
 * officer hands over: the subject's access to account data drawn as a timeline (one bar per
 * period, per account), offboardings and erasures marked, then every fact as a table with its
 * source in the log.
 *
 * @module
 */
import type { Instant } from '@account-ownership/core'
import type { SubjectReport } from '@account-ownership/dsgvo'
import type { AccountTimeline } from '../timeline/account-timeline.js'
import { timelineSvg } from '../timeline/timeline-svg.js'
import { reportPage, tableHtml } from './report-page.js'
import { subjectReportHead, subjectReportRows } from './subject-report-rows.js'

/**
 * The subject's access periods as a timeline whose bars are labelled with the account.
 * @category reports
 * @since 0.2.0
 */
export const subjectTimeline = (report: SubjectReport): AccountTimeline => ({
  accountId: report.subjectId,
  displayName: report.subjectId,
  bars: report.accessPeriods.map((p) => ({ lane: p.kind, principalId: p.accountId, detail: p.detail ?? p.kind, from: p.from, to: p.to })),
  marks: [
    ...report.offboardings.map((o) => ({ kind: 'offboarded' as const, at: o.offboardedAt, label: `offboarded: ${o.principalId}` })),
    ...report.erasures.map((e) => ({ kind: 'archived' as const, at: e.erasedAt, label: 'erased' })),
  ],
  lastAt: null,
})

/**
 * The HTML document of a subject report, open periods drawn up to `asOf`.
 * @category reports
 * @since 0.2.0
 */
export const subjectReportPage = (report: SubjectReport, asOf: Instant): string =>
  reportPage(`Auskunft nach Art. 15 DSGVO — subject report of ${report.subjectId}`, `as of ${asOf} · business time (occurredAt), UTC`, [
    ...(report.accessPeriods.length > 0 ? [{ heading: 'Access to account data (Zugriff) — timeline', html: timelineSvg(subjectTimeline(report), asOf) }] : []),
    { heading: 'Everything the log holds (Gespeicherte Daten)', html: tableHtml(subjectReportHead, subjectReportRows(report)) },
  ])
