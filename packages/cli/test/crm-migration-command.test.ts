// `import --format salesforce|hubspot|csv`: a dry run reports what would be written and writes
// nothing (not even a log file); with --write the valid rows are imported and the bad ones
// reported with file, line and field (exit 1, a finding); the same files again add nothing, and
// files that number their rows alike import side by side, run again in any order.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { runBinary } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const fixture = (name: string): string => fileURLToPath(new URL(`../../crm-migration/test/fixtures/${name}`, import.meta.url))
const dir = scratchDir('crm-migration')
const log = join(dir, 'kunden.db')
const salesforce = (...more: string[]) =>
  runBinary(['--store', `sqlite:${log}`, '--json', 'import', '--format', 'salesforce', fixture('Account.csv'), fixture('AccountHistory.csv'), '--by', 'migration', '--tenant', 'acme-de', ...more])

interface Answer {
  readonly summary: { readonly dryRun: boolean; readonly events: number; readonly accounts: { readonly recorded: number; readonly alreadyImported: number } }
  readonly problems: ReadonlyArray<{ readonly file: string; readonly line: number; readonly field: string; readonly code: string }>
}

describe('import --format', () => {
  it('without --write, reports what would be written and writes nothing', () => {
    const run = salesforce()
    expect(run.code).toBe(1)
    const answer = JSON.parse(run.stdout) as Answer
    expect(answer.summary).toMatchObject({ dryRun: true, events: 19, accounts: { recorded: 6 } })
    expect(answer.problems).toContainEqual(expect.objectContaining({ file: 'AccountHistory.csv', line: 16, field: 'CreatedDate', code: 'unparseable-date' }))
    expect(existsSync(log)).toBe(false)
  })

  it('with --write, imports the valid rows with a progress bar; the same files again add nothing', () => {
    const run = salesforce('--write', '--progress')
    expect(run.code).toBe(1)
    expect((JSON.parse(run.stdout) as Answer).summary).toMatchObject({ dryRun: false, events: 19, accounts: { recorded: 6, alreadyImported: 0 } })
    expect(run.stderr).toMatch(/record \[.*\] 7\/7 accounts \| \d+ accounts\/s/)
    const again = salesforce('--write')
    expect((JSON.parse(again.stdout) as Answer).summary).toMatchObject({ events: 0, accounts: { recorded: 0, alreadyImported: 6 } })
    const owner = runBinary(['--store', `sqlite:${log}`, '--json', 'owner', '0015g00000Acme1AAB', '--at', '2020-01-01T00:00:00Z'])
    expect(owner.stdout).toContain('0055g00000A1b2cAAB')
  })

  it('prints the problems as a table with the summary for a person', () => {
    const run = runBinary(['--store', `sqlite:${join(dir, 'other.db')}`, 'import', '--format', 'csv', fixture('ownership-history.csv'), '--by', 'migration', '--tenant', 'acme-de'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/ownership-history\.csv.*5.*changed_at.*unparseable-date/)
    expect(run.stdout).toContain('Would record 7 event(s) for 2 account(s)')
    expect(run.stdout).toContain('Dry run: nothing was written')
  })

  it('imports a file whose row ids another file used, and runs it again to the end', () => {
    const regions = join(dir, 'regions.db')
    const csvFile = (name: string, rows: ReadonlyArray<string>): string => {
      const path = join(dir, name)
      writeFileSync(path, ['account_id,owner_id,changed_at,row_id', ...rows].join('\n') + '\n')
      return path
    }
    // Two regions' exports, each numbering its rows from 1.
    const north = csvFile('north.csv', ['kunde-1,anna,2019-01-01T00:00:00Z,1', 'kunde-1,ben,2020-01-01T00:00:00Z,2'])
    const south = csvFile('south.csv', ['kunde-2,carla,2019-02-01T00:00:00Z,1', 'kunde-2,dora,2020-02-01T00:00:00Z,2'])
    const importing = (...files: string[]) => runBinary(['--store', `sqlite:${regions}`, '--json', 'import', '--format', 'csv', ...files, '--by', 'migration', '--tenant', 'acme-de', '--write'])
    expect(importing(north).code).toBe(0)
    const second = importing(south)
    expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: '' })
    expect((JSON.parse(second.stdout) as Answer).summary).toMatchObject({ events: 3, accounts: { recorded: 1 } })
    const rerun = importing(south, north)
    expect(rerun.code).toBe(0)
    expect(JSON.parse(rerun.stdout) as Answer).toMatchObject({ summary: { events: 0, accounts: { recorded: 0, alreadyImported: 2 } }, problems: [] })
    expect(JSON.parse(runBinary(['--store', `sqlite:${regions}`, '--json', 'owner', 'kunde-2']).stdout)).toMatchObject({ ownerId: 'dora' })
  })

  it('refuses an unknown format, a file it cannot read and a bad --by, naming the option', () => {
    const unknown = runBinary(['--store', `sqlite:${log}`, '--json', 'import', '--format', 'sap', fixture('Account.csv'), '--by', 'migration', '--tenant', 'acme-de'])
    expect(unknown.code).toBe(2)
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { field: '--format' } })
    const missing = runBinary(['--store', `sqlite:${log}`, '--json', 'import', '--format', 'salesforce', join(dir, 'nope.csv'), '--by', 'migration', '--tenant', 'acme-de'])
    expect(missing.code).toBe(2)
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { field: '<files...>' } })
    const badBy = runBinary(['--store', `sqlite:${log}`, '--json', 'import', '--format', 'csv', fixture('ownership-history.csv'), '--by', 'Max Mustermann', '--tenant', 'acme-de'])
    expect(badBy.code).toBe(2)
    expect(JSON.parse(badBy.stdout)).toMatchObject({ error: { field: '--by' } })
  })
})
