// The reading subcommands on a real SQLite log, run as the built executable: what each answers
// (table and --json), the exit codes of findings, and that no byte of the log changes.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { fixtureTimes, writeAuditLog } from './audit-log-fixture.js'
import { runBinary } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('read')
const log = join(dir, 'kunden.db')
const store = `sqlite:${log}`
const json = (args: ReadonlyArray<string>) => {
  const run = runBinary(['--store', store, '--json', ...args])
  return { ...run, body: JSON.parse(run.stdout) as Record<string, unknown> }
}
const digest = () => createHash('sha256').update(readFileSync(log)).digest('hex')
let events = 0
let before = ''

beforeAll(async () => {
  events = await writeAuditLog(log)
  before = digest()
})

describe('reading commands', () => {
  it('owner answers the owner now and at a past time', () => {
    const now = json(['owner', 'kunde-1'])
    expect(now.code).toBe(0)
    expect(now.body).toMatchObject({ accountId: 'kunde-1', ownerId: 'felix', ownership: 'owned' })
    const past = json(['owner', 'kunde-1', '--at', '2025-01-25'])
    expect(past.body).toMatchObject({ owner: { ownerId: 'hanna', to: fixtureTimes.transferApproved } })
    const human = runBinary(['--store', store, 'owner', 'kunde-1', '--at', '2025-01-25T12:00:00+01:00'])
    expect(human.code).toBe(0)
    expect(human.stdout).toContain('hanna')
    expect(human.stdout).toContain('│')
  })

  it('owner before the account was opened answers nobody', () => {
    const before = json(['owner', 'kunde-1', '--at', '2024-12-31'])
    expect(before.code).toBe(0)
    expect(before.body['owner']).toBeNull()
  })

  it('history lists the ownership periods as table, JSON and CSV', () => {
    const body = json(['history', 'kunde-1']).body as { periods: Array<{ ownerId: string }> }
    expect(body.periods.map((p) => p.ownerId)).toEqual(['hanna', 'felix'])
    const csv = runBinary(['--store', store, 'history', 'kunde-1', '--format', 'csv'])
    expect(csv.code).toBe(0)
    expect(csv.stdout.split('\n')[0]).toBe('owner,from,to,began with,reason,transfer,by,ended with')
    expect(csv.stdout).toContain('felix,2025-02-03T09:00:00.000Z,,transferred,hunter-to-farmer,transfer-1')
  })

  it('access names the owner, the team and the grantee while the grant runs, and nobody while the account is archived', () => {
    const during = json(['access', 'kunde-1', '--at', '2025-02-10']).body as { access: Array<{ principalId: string; via: string }> }
    expect(during.access.map((a) => `${a.principalId}:${a.via}`).sort()).toEqual(['felix:owner', 'petra:team', 'sven:grant'])
    const archived = json(['access', 'kunde-1', '--at', '2025-06-15']).body as { access: unknown[] }
    expect(archived.access).toEqual([])
  })

  it('book lists the open accounts of an owner', () => {
    const body = json(['book', 'felix']).body as { accounts: Array<{ accountId: string }> }
    expect(body.accounts.map((a) => a.accountId)).toEqual(['kunde-1'])
  })

  it('orphans is a finding: exit code 1 and the orphaned account listed', () => {
    const run = json(['orphans'])
    expect(run.code).toBe(1)
    expect((run.body as { orphans: Array<{ accountId: string }> }).orphans.map((a) => a.accountId)).toEqual(['kunde-2'])
  })

  it('replay folds every account again, and --until stops at a business time', () => {
    const all = json(['replay']).body
    expect(all).toMatchObject({ eventsRead: events, eventsReplayed: events, accounts: 3, standings: { owned: 1, orphaned: 1, unassigned: 1 } })
    const early = json(['replay', '--until', '2025-01-10']).body
    expect(early).toMatchObject({ eventsReplayed: 5, accounts: 3, standings: { owned: 2, unassigned: 1 } })
  })

  it('kpis answer accounts per owner, transfers and decision times', () => {
    const body = json(['kpis', '--from', '2025-01-01', '--to', '2026-01-01']).body as Record<string, Array<Record<string, unknown>>>
    expect(body['accountsPerOwner']).toEqual([{ ownerId: 'felix', accounts: 1 }])
    expect(body['transfersPerPeriod']).toEqual([{ period: '2025-02', reasonCode: 'hunter-to-farmer', transfers: 1 }])
    expect(body['transferDecisionTimes']![0]).toMatchObject({ reasonCode: 'hunter-to-farmer', approved: 1, rejected: 0 })
    expect(body['timeOrphaned']![0]).toMatchObject({ accountId: 'kunde-2', spells: 1, orphanedAt: true })
  })

  it('report subject answers the Art. 15 report of an employee in JSON and CSV', () => {
    const body = json(['report', 'subject', 'principal:sven']).body as { accessPeriods: Array<{ accountId: string; kind: string; purpose: string }> }
    expect(body.accessPeriods).toEqual([expect.objectContaining({ accountId: 'kunde-1', kind: 'grant', purpose: 'customer-support' })])
    const csv = runBinary(['--store', store, 'report', 'subject', 'principal:sven', '--format', 'csv'])
    expect(csv.code).toBe(0)
    expect(csv.stdout).toContain('access,kunde-1,sven,grant,grant-1')
  })

  it('report processing answers the Art. 30 record', () => {
    const body = json(['report', 'processing']).body as { activities: Array<{ purpose: string; recipientCategories: string[] }> }
    expect(body.activities.some((a) => a.recipientCategories.includes('grantee (read)'))).toBe(true)
    const html = runBinary(['--store', store, 'report', 'processing', '--format', 'html'])
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/)
    expect(html.stdout).not.toMatch(/(src|href)="https?:/)
  })

  it('an account id the log does not hold is a usage error naming the argument', () => {
    const run = runBinary(['--store', store, 'owner', 'kunde-404'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('<account>')
  })

  it('no reading command changed a byte of the log or left a file beside it', () => {
    expect(digest()).toBe(before)
    expect(readdirSync(dir).filter((f) => f.startsWith('kunden.db'))).toEqual(['kunden.db'])
  })
})
