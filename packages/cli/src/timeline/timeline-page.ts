/**
 * The HTML timeline of one account: the chart first (people read a timeline faster than a table
 * of periods), then the same periods and marks as tables, for the record.
 *
 * @module
 */
import type { Instant } from '@account-ownership/core'
import type { AccountTimeline } from './account-timeline.js'
import { reportPage, tableHtml } from '../reports/report-page.js'
import { timelineSvg } from './timeline-svg.js'

/**
 * The self-contained HTML document of an account's timeline, drawn up to `asOf`.
 * @category reports
 * @since 0.2.0
 */
export const timelinePage = (timeline: AccountTimeline, asOf: Instant): string =>
  reportPage(`Ownership and access timeline of ${timeline.accountId}`, `${timeline.displayName} · drawn up to ${asOf} · business time (occurredAt), UTC`, [
    { heading: 'Timeline (Zeitstrahl)', html: timelineSvg(timeline, asOf) },
    {
      heading: 'Periods',
      html: tableHtml(
        ['kind', 'principal', 'detail', 'from', 'to'],
        timeline.bars.map((b) => [b.lane, b.principalId, b.detail, b.from, b.to ?? 'open']),
      ),
    },
    { heading: 'Marks', html: tableHtml(['what', 'at'], timeline.marks.map((m) => [m.label, m.at])) },
  ])
