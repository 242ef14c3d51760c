// The Art. 15 subject report (Auskunftsrecht) for one principal on the audit read model built
// from the 1 M event log of the projection benchmarks (20,000 accounts; 200 principals who own
// and are granted access in turn, so one principal has about 1,300 ownership and 1,200 grant
// periods, and acts in or is named in thousands of events). Beside it, in the same run, the
// baseline: the same five lookups as prepared better-sqlite3 statements on the same tables,
// without Kysely, argument checks or mapping.
// The read model is built first (its time is reported, not part of the target); each figure is
// the median and the worst of 50 reports after 5 warm-up reports, for principals drawn with a
// fixed seed; baseline and library take turns on each principal.
import { auditProjection, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { eventLog } from '../projections/event-log.js'

const accounts = 20_000
const reports = 50
const warmup = 5
const dir = mkdtempSync(join(tmpdir(), 'ao-bench-dsgvo-report-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
const file = join(dir, 'audit.db')

const opened = openSqliteEventStore({ path: eventLog(accounts), readonly: true })
if (opened._tag === 'Left') throw opened.left
const head = await opened.right.headPosition()
if (head._tag === 'Left') throw head.left
const db = sqliteReadModels<AuditTables>(file)
const buildStart = performance.now()
const built = await projectionRuntime({ store: opened.right, db, projections: [auditProjection()], batchSize: 1000 }).rebuild()
if (built._tag === 'Left') throw built.left
const buildMs = performance.now() - buildStart
await opened.right.close()

let seed = 7
const principal = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return `p-${seed % 200}`
}

const raw = new Database(file, { readonly: true })
const held = raw.prepare('SELECT * FROM dsgvo_access_periods WHERE principal_id = ? ORDER BY source_position')
const granted = raw.prepare('SELECT * FROM dsgvo_access_periods WHERE granted_by = ? ORDER BY source_position')
const offboarded = raw.prepare('SELECT * FROM dsgvo_offboardings WHERE principal_id = ? ORDER BY source_position')
const roles = raw.prepare('SELECT * FROM dsgvo_principal_roles WHERE principal_id = ? AND kind = ? ORDER BY source_position, role')
const baselineReport = async (p: string) => ({ periods: held.all(p).length + granted.all(p).length + offboarded.all(p).length, roles: roles.all(p, 'acted').length + roles.all(p, 'named').length })
const libraryReport = async (p: string) => {
  const r = await subjectReport(db, `principal:${p}`)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return { periods: r.right.accessPeriods.length + r.right.accessGranted.length, roles: r.right.actions.length + r.right.namedIn.length }
}

// Baseline and library take turns on the same principal, so both see the same cache state.
const time = async (report: (p: string) => Promise<{ periods: number; roles: number }>, p: string) => {
  const start = performance.now()
  const found = await report(p)
  return { ms: performance.now() - start, ...found }
}
for (let i = 0; i < warmup; i++) {
  const p = principal()
  await baselineReport(p)
  await libraryReport(p)
}
const baselineMs: number[] = []
const reportMs: number[] = []
let periods = 0
let roleCount = 0
for (let i = 0; i < reports; i++) {
  const p = principal()
  baselineMs.push((await time(baselineReport, p)).ms)
  const r = await time(libraryReport, p)
  reportMs.push(r.ms)
  periods += r.periods
  roleCount += r.roles
}
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  return { median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted[sorted.length - 1]! }
}
const baseline = summary(baselineMs)
const report = { ...summary(reportMs), periods: Math.round(periods / reports), roles: Math.round(roleCount / reports) }
// The worst case of this log: the admin who recorded every event (actor and *By of each).
const adminBaseline = await time(baselineReport, 'dora')
const adminReport = await time(libraryReport, 'dora')
// The same report in pages of 1,000 actions: the first page, and the same page as raw statements.
const firstPageRaw = raw.prepare('SELECT * FROM dsgvo_principal_roles WHERE principal_id = ? AND kind = ? ORDER BY source_position, role LIMIT 1001')
const heldPage = raw.prepare('SELECT * FROM dsgvo_access_periods WHERE principal_id = ? ORDER BY source_position LIMIT 1001')
const grantedPage = raw.prepare('SELECT * FROM dsgvo_access_periods WHERE granted_by = ? ORDER BY source_position LIMIT 1001')
const pageStart = performance.now()
const firstPage = await subjectReport(db, 'principal:dora', { page: { size: 1000 } })
const firstPageMs = performance.now() - pageStart
if (firstPage._tag === 'Left' || firstPage.right.nextAfter === undefined) throw new Error('the first page of the admin report is not a page')
const rawPageStart = performance.now()
heldPage.all('dora')
grantedPage.all('dora')
offboarded.all('dora')
firstPageRaw.all('dora', 'acted')
firstPageRaw.all('dora', 'named')
const firstPageRawMs = performance.now() - rawPageStart
raw.close()
await db.destroy()

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : Math.round(x)} ms`
console.log(
  [
    '## dsgvo: Art. 15 subject report for one principal on the audit read model of 1 M events (SQLite)',
    '',
    `${Number(head.right).toLocaleString('en-US')} events, ${accounts.toLocaleString('en-US')} accounts; audit read model built in ${(buildMs / 1000).toFixed(1)} s (${Math.round(Number(head.right) / (buildMs / 1000)).toLocaleString('en-US')} events/s). ${reports} reports for principals drawn at random; on average ${report.periods.toLocaleString('en-US')} access periods and ${report.roles.toLocaleString('en-US')} roles in events (actions, mentions) per report. Target: < 1 s.`,
    '',
    '| report | median | worst |',
    '|---|---:|---:|',
    `| baseline: the same five lookups, prepared better-sqlite3 statements | ${ms(baseline.median)} | ${ms(baseline.worst)} |`,
    `| \`subjectReport\` (Kysely, argument checks, typed rows with sources) | ${ms(report.median)} | ${ms(report.worst)} |`,
    '',
    `Worst case: the report for the admin who recorded all ${Number(head.right).toLocaleString('en-US')} events (${adminReport.roles.toLocaleString('en-US')} roles in events): baseline ${ms(adminBaseline.ms)}, \`subjectReport\` ${ms(adminReport.ms)} (one run each). Paged (\`page: { size: 1000 }\`): the first page ${ms(firstPageMs)}, the same lookups with \`LIMIT\` as prepared statements ${ms(firstPageRawMs)} (one run each; target for the first page: < 1 s).`,
    '',
  ].join('\n'),
)
