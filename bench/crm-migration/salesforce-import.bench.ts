// Import of a Salesforce export with 1 M AccountHistory rows (about 140,000 accounts, rows
// interleaved across accounts) into a new SQLite log, beside a raw baseline in the same process:
// csv-parse alone reading the same AccountHistory file (the least any importer pays to read it).
// Also: the dry run of the same files (read, stage, replay and decide; nothing written), and the
// peak RSS of the import at a quarter of the rows beside the whole, to show that memory stays flat.
// ROWS=<n> changes the size (for a quick look).
import { migrate, type MigrationSummary } from '@account-ownership/crm-migration'
import { accountHeader, accountRow, historyHeader, interleavedHistoryRows, madeUpHistories, type GeneratedAccount } from '@account-ownership/crm-migration/testing'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { parse } from 'csv-parse'
import * as E from 'fp-ts/lib/Either.js'
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const rows = Number(process.env['ROWS'] ?? 1_000_000)
const dir = mkdtempSync(join(tmpdir(), 'bench-crm-'))

/* A made-up export of about `target` history rows, written a block of 2,000 accounts at a time (rows interleaved within a block). */
const writeExport = (name: string, target: number): { accounts: string; history: string; historyRows: number } => {
  const histories = madeUpHistories(11, 400)
  const accountFile = join(dir, `${name}-Account.csv`)
  const historyFile = join(dir, `${name}-AccountHistory.csv`)
  const accountsOut = openSync(accountFile, 'w')
  const historyOut = openSync(historyFile, 'w')
  writeSync(accountsOut, `${accountHeader}\r\n`)
  writeSync(historyOut, `${historyHeader}\r\n`)
  let written = 0
  while (written < target) {
    const block = Array.from({ length: 2000 }, () => histories.next().value as GeneratedAccount)
    const lines = interleavedHistoryRows(block, written + 1)
    writeSync(historyOut, lines.join('\r\n') + '\r\n')
    writeSync(accountsOut, block.map(accountRow).join('\r\n') + '\r\n')
    written += lines.length
  }
  closeSync(accountsOut)
  closeSync(historyOut)
  return { accounts: accountFile, history: historyFile, historyRows: written }
}

/* Peak RSS while `work` runs, sampled every 50 ms, and how far it rose above the RSS at the start (RSS seldom shrinks, so the rise is what the run itself needed). */
const withPeakRss = async <A>(work: () => Promise<A>): Promise<{ result: A; seconds: number; peakMiB: number; riseMiB: number }> => {
  globalThis.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const start = performance.now()
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, seconds: (performance.now() - start) / 1000, peakMiB: Math.round(peak / 2 ** 20), riseMiB: Math.round((peak - before) / 2 ** 20) }
  } finally {
    clearInterval(sampler)
  }
}

const importInto = async (files: { accounts: string; history: string }, log: string, dryRun: boolean): Promise<MigrationSummary> => {
  const store = openSqliteEventStore({ path: log })
  if (E.isLeft(store)) throw store.left
  try {
    const done = await migrate(
      [
        { format: 'salesforce-accounts', path: files.accounts },
        { format: 'salesforce-history', path: files.history },
      ],
      { store: store.right, tenantId: 't1', importedBy: 'migration', dryRun, stagingDir: dir },
    )
    if (E.isLeft(done)) throw done.left
    return done.right
  } finally {
    await store.right.close()
  }
}

const csvParseAlone = async (path: string): Promise<number> => {
  let n = 0
  for await (const _ of createReadStream(path).pipe(parse({ columns: true, bom: true }))) n++
  return n
}

try {
  const quarter = writeExport('quarter', Math.round(rows / 4))
  const whole = writeExport('whole', rows)
  const baseline = await withPeakRss(() => csvParseAlone(whole.history))
  const small = await withPeakRss(() => importInto(quarter, join(dir, 'quarter.db'), false))
  const full = await withPeakRss(() => importInto(whole, join(dir, 'whole.db'), false))
  const dry = await withPeakRss(() => importInto(whole, join(dir, 'dry.db'), true))
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US')
  const line = (what: string, n: number, r: { seconds: number; peakMiB: number; riseMiB: number }) =>
    `| ${what} | ${n.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} s | ${rate(n, r.seconds)} | ${r.peakMiB} MiB | +${r.riseMiB} MiB |`
  console.log(
    [
      `## crm-migration: Salesforce import of ${whole.historyRows.toLocaleString('en-US')} AccountHistory rows (SQLite)`,
      '',
      `${full.result.accounts.recorded.toLocaleString('en-US')} accounts, ${full.result.events.toLocaleString('en-US')} events written; rows interleaved across accounts, CRLF, two rows per owner change. Baseline: csv-parse alone reading the same AccountHistory file.`,
      '',
      '| run | history rows | time | rows/s | peak RSS | rise during the run |',
      '|---|---|---|---|---|---|',
      line('baseline: csv-parse alone, AccountHistory only', baseline.result, baseline),
      line('import, a quarter of the rows (memory check)', quarter.historyRows, small),
      line('import into a new SQLite log', whole.historyRows, full),
      line('dry run (read, stage, replay, decide; nothing written)', whole.historyRows, dry),
      '',
    ].join('\n'),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
