/**
 * A report as one self-contained HTML file an auditor opens in any browser and hands on: styles
 * inline, pictures as inline SVG, no script, no font, no link to anything outside the file.
 *
 * @module
 */
import type { Cell } from '../terminal/table.js'
import { markupText } from '../timeline/markup-text.js'

/**
 * One section of a report: a heading and its markup (already escaped).
 * @category reports
 * @since 0.2.0
 */
export interface ReportSection {
  readonly heading: string
  readonly html: string
}

/**
 * An HTML table of the given heads and rows, every cell escaped.
 * @category reports
 * @since 0.2.0
 */
export const tableHtml = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string =>
  rows.length === 0
    ? '<p class="empty">none</p>'
    : `<table><thead><tr>${head.map((h) => `<th>${markupText(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c === null || c === undefined || c === '' ? '–' : markupText(String(c))}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`

const style = `body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}th{background:#f3f3f3}
.meta{color:#666;font-size:.85em}svg{max-width:100%;height:auto;border:1px solid #eee}`

/**
 * The whole HTML document of a report.
 * @category reports
 * @since 0.2.0
 * @example
 * reportPage('Timeline of kunde-1', 'generated 2026-03-12T09:00:00.000Z', [{ heading: 'Owners', html: tableHtml(['owner'], [['hanna']]) }])
 */
export const reportPage = (title: string, meta: string, sections: ReadonlyArray<ReportSection>): string =>
  `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${markupText(title)}</title><style>${style}</style></head>
<body><h1>${markupText(title)}</h1><p class="meta">${markupText(meta)}</p>
${sections.map((s) => `<section><h2>${markupText(s.heading)}</h2>${s.html}</section>`).join('\n')}
</body></html>
`
