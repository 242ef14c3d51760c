/**
 * The timeline of an account drawn as inline SVG (Zeitstrahl): one row for the owners, one per
 * team member and per grant, each period a bar labelled with the principal; archived spans shaded,
 * and the moments that mark the account (opened, orphaned, archived, restored, offboarded) drawn as
 * labelled vertical lines. No script, no external asset: the picture is the markup.
 *
 * @module
 */
import { millisOf, type Instant } from '@account-ownership/core'
import type { AccountTimeline, TimelineBar } from './account-timeline.js'
import { markupText } from './markup-text.js'

const width = 1000
const labelWidth = 230
const rowHeight = 30
const markBand = 20
const day = 24 * 3600 * 1000

const palette = ['#2f6db5', '#c0392b', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b7950b']
const colourOf = (id: string): string => palette[[...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % palette.length]!

interface Row {
  readonly label: string
  readonly bars: ReadonlyArray<TimelineBar>
}

const rowsOf = (bars: ReadonlyArray<TimelineBar>): ReadonlyArray<Row> => {
  const owners: Row = { label: 'owner (Account-Owner)', bars: bars.filter((b) => b.lane === 'owner') }
  const team = new Map<string, TimelineBar[]>()
  for (const b of bars.filter((b) => b.lane === 'team')) team.set(`team: ${b.principalId} (${b.detail})`, [...(team.get(`team: ${b.principalId} (${b.detail})`) ?? []), b])
  const grants = bars.filter((b) => b.lane === 'grant').map((b) => ({ label: `grant ${b.detail}: ${b.principalId}`, bars: [b] }))
  return [owners, ...[...team].map(([label, bs]) => ({ label, bars: bs })), ...grants]
}

/**
 * The SVG of a timeline; open periods run to the end of the chart, a little after `asOf` or the
 * timeline's last instant, whichever is later.
 * @category timeline
 * @since 0.2.0
 * @example
 * const svg = timelineSvg(accountTimeline(events, offboardings), '2026-12-31T00:00:00.000Z')
 */
export const timelineSvg = (timeline: AccountTimeline, asOf: Instant): string => {
  const instants = [...timeline.bars.flatMap((b) => [b.from, ...(b.to === null ? [] : [b.to])]), ...timeline.marks.map((m) => m.at), asOf].map(millisOf)
  const t0 = Math.min(...instants)
  const last = Math.max(t0 + day, ...instants)
  const t1 = last + (last - t0) * 0.04 // a little room after the last instant: open periods run on
  const plotWidth = width - labelWidth - 50
  const x = (ms: number) => labelWidth + ((ms - t0) / (t1 - t0)) * plotWidth
  const rows = rowsOf(timeline.bars)
  const top = markBand * 3 + 10
  const height = top + rows.length * rowHeight + 40
  const parts: string[] = []
  // Archived spans: from each archive to the next restore (or the end).
  let archivedFrom: number | null = null
  const bands: Array<[number, number]> = []
  for (const m of timeline.marks) {
    if (m.kind === 'archived' && archivedFrom === null) archivedFrom = millisOf(m.at)
    if (m.kind === 'restored' && archivedFrom !== null) {
      bands.push([archivedFrom, millisOf(m.at)])
      archivedFrom = null
    }
  }
  if (archivedFrom !== null) bands.push([archivedFrom, t1])
  const bandParts: string[] = []
  for (const [from, to] of bands) {
    bandParts.push(`<rect class="archive-band" x="${x(from).toFixed(1)}" y="${top}" width="${Math.max(1, x(to) - x(from)).toFixed(1)}" height="${rows.length * rowHeight}" fill="#bbb" fill-opacity="0.35"><title>archived</title></rect>`)
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight
    parts.push(`<text class="row-label" x="6" y="${y + 19}" font-size="12">${markupText(row.label)}</text>`)
    parts.push(`<line x1="${labelWidth}" x2="${width - 50}" y1="${y + rowHeight}" y2="${y + rowHeight}" stroke="#eee"/>`)
    for (const bar of row.bars) {
      const from = x(millisOf(bar.from))
      const to = x(bar.to === null ? t1 : millisOf(bar.to))
      const w = Math.max(2, to - from)
      const title = `${bar.principalId}: ${bar.from} – ${bar.to ?? 'open'} (${bar.detail})`
      parts.push(
        `<g class="bar ${bar.lane}" data-principal="${markupText(bar.principalId)}" data-from="${bar.from}" data-to="${bar.to ?? ''}">` +
          `<title>${markupText(title)}</title>` +
          `<rect x="${from.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowHeight - 10}" rx="3" fill="${colourOf(bar.principalId)}"${bar.to === null ? ' fill-opacity="0.75"' : ''}/>` +
          `<text x="${(from + 4).toFixed(1)}" y="${y + 19}" font-size="11" fill="#fff">${markupText(bar.principalId)}</text></g>`,
      )
    }
  })
  parts.push(...bandParts)
  timeline.marks.forEach((m, i) => {
    const mx = x(millisOf(m.at)).toFixed(1)
    const ly = 14 + (i % 3) * markBand
    parts.push(
      `<g class="mark ${m.kind}" data-at="${m.at}"><title>${markupText(`${m.label} at ${m.at}`)}</title>` +
        `<line x1="${mx}" x2="${mx}" y1="${ly + 4}" y2="${top + rows.length * rowHeight}" stroke="${m.kind === 'offboarded' ? '#c0392b' : '#333'}" stroke-dasharray="4 3"/>` +
        `<text x="${mx}" y="${ly}" font-size="11" text-anchor="middle">${markupText(m.label)}</text></g>`,
    )
  })
  const axisY = top + rows.length * rowHeight + 16
  for (let k = 0; k <= 5; k++) {
    const ms = t0 + ((t1 - t0) * k) / 5
    parts.push(`<text class="tick" x="${x(ms).toFixed(1)}" y="${axisY}" font-size="11" text-anchor="middle">${new Date(ms).toISOString().slice(0, 10)}</text>`)
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${markupText(`timeline of ${timeline.accountId}`)}" font-family="sans-serif">` +
    parts.join('') +
    '</svg>'
  )
}
