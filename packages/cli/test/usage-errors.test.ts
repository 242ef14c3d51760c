// Every way to use the command wrongly ends with exit code 2 and a message that names the
// argument or option — never its value — and writes nothing. The runs wait side by side.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { writeAuditLog } from './audit-log-fixture.js'
import { runBinary, runBinaryAsync, type CliRun } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('usage')
const log = join(dir, 'kunden.db')
const store = `sqlite:${log}`

let logHash = ''
beforeAll(async () => {
  await writeAuditLog(log)
  logHash = createHash('sha256').update(readFileSync(log)).digest('hex')
})

// [what is wrong, arguments, what stderr must name]
const cases: ReadonlyArray<readonly [string, ReadonlyArray<string>, string]> = [
  ['an unknown subcommand', ['--store', store, 'frobnicate'], 'unknown command'],
  ['an unknown option', ['--store', store, 'orphans', '--colour'], "unknown option '--colour'"],
  ['a missing argument', ['--store', store, 'owner'], "missing required argument 'account'"],
  ['a time that is not ISO 8601', ['--store', store, 'owner', 'kunde-1', '--at', '12.03.2026'], '--at: expected an ISO 8601 time'],
  ['a time without a zone', ['--store', store, 'access', 'kunde-1', '--at', '2026-03-12T09:00:00'], '--at: expected an ISO 8601 time'],
  ['a date not in the calendar', ['--store', store, 'replay', '--until', '2026-02-30'], '--until: expected an ISO 8601 time'],
  ['a bad --from of kpis', ['--store', store, 'kpis', '--from', 'yesterday'], '--from:'],
  ['a bad --unit of kpis', ['--store', store, 'kpis', '--unit', 'decade'], "option '--unit <unit>' argument 'decade' is invalid"],
  ['a bad --format', ['--store', store, 'history', 'kunde-1', '--format', 'pdf'], "argument 'pdf' is invalid"],
  ['an account id that is not one', ['--store', store, 'owner', 'x'.repeat(300)], '<account>:'],
  ['a subject id that is not one', ['--store', store, 'report', 'subject', 'max mustermann'], '<subject>:'],
  ['a log that is not there', ['--store', `sqlite:${join(dir, 'missing.db')}`, 'orphans'], '--store: there is no event log'],
  ['an unknown kind of store', ['--store', 'mysql://db/x', 'orphans'], '--store: names an unknown kind of store'],
  ['an EventStoreDB connection string the client cannot parse', ['--store', 'esdb://127.0.0.1:2113?tls=vielleicht', 'orphans'], '--store: names a bad connectionString'],
  ['read models in the log itself', ['--store', store, '--read-models', store, 'orphans'], '--read-models: must not be the event log itself'],
  ['rebuild without --read-models', ['--store', store, 'rebuild', 'all'], '--read-models: is required'],
  ['rebuild of an unknown projection', ['--store', store, 'rebuild', 'owners'], 'projection: unknown; expected one of current-owner'],
  ['erase without --write', ['--store', store, 'erase', 'principal:otto', '--reason', 'art17-1-c-objection', '--by', 'dora', '--tenant', 'acme-de', '--keys', log], '--write: is required'],
  ['erase on a ground the law does not give', ['--store', store, 'erase', 'principal:otto', '--reason', 'because', '--by', 'dora', '--tenant', 'acme-de', '--keys', log, '--write'], '--reason: expected one of art17-1-a'],
  ['erase without --by', ['--store', store, 'erase', 'principal:otto', '--reason', 'art17-1-c-objection', '--tenant', 'acme-de', '--keys', log], "required option '--by <principal>'"],
  ['verify with a head that is not one', ['--store', store, 'verify', '--head', log], '--head: expected the JSON'],
  ['import of a file that is not there', ['--store', store, 'import', join(dir, 'none.csv'), '--by', 'dora', '--tenant', 'acme-de'], '<files...>: cannot be read'],
  ['backup onto an existing file', ['--store', store, 'backup', log], '<to>: a file of that name exists'],
  ['a kpis window that ends before it begins', ['--store', store, 'kpis', '--from', '2026-06-01', '--to', '2026-01-01'], '--to: must lie after --from'],
  ['an import dated in the future', ['--store', store, 'import', join(dir, 'none.csv'), '--at', '9999-12-31T23:59:59Z', '--by', 'dora', '--tenant', 'acme-de'], '--at: lies in the future'],
  ['--at beside --format of an import', ['--store', store, 'import', join(dir, 'none.csv'), '--format', 'csv', '--at', '2026-01-01', '--by', 'dora', '--tenant', 'acme-de'], '--at: only without --format'],
  ['a report written over the event log', ['--store', store, 'history', 'kunde-1', '--format', 'csv', '--output', log], '--output: '],
  ['the owner at a time of an account the log never opened', ['--store', store, 'owner', 'kunde-l', '--at', '2026-03-12'], '<account>: no such account in the log'],
  ['the access to an account the log never opened', ['--store', store, 'access', 'kunde-l'], '<account>: no such account in the log'],
  ['the history of an account the log never opened', ['--store', store, 'history', 'kunde-l', '--format', 'csv'], '<account>: no such account in the log'],
  ['the event log named as the key store of a report', ['--store', store, 'report', 'subject', 'principal:hanna', '--keys', log], '--keys: is no key store'],
  ['the event log named as the key store of an erasure', ['--store', store, 'erase', 'principal:otto', '--reason', 'art17-1-c-objection', '--by', 'dora', '--tenant', 'acme-de', '--keys', log, '--write'], '--keys: is no key store'],
]

describe('usage errors', () => {
  it('each ends with exit code 2 and names what is wrong', async () => {
    // Four at a time: the machine is shared.
    const runs: CliRun[] = []
    for (let i = 0; i < cases.length; i += 4) runs.push(...(await Promise.all(cases.slice(i, i + 4).map(([, args]) => runBinaryAsync(args)))))
    const answers = runs.map((run, i) => ({ case: cases[i]![0], code: run.code, names: run.stderr.includes(cases[i]![2]) }))
    expect(answers).toEqual(cases.map(([what]) => ({ case: what, code: 2, names: true })))
    // Messages never repeat the value given.
    expect(runs[9]!.stderr).not.toContain('x'.repeat(300))
    expect(runs[10]!.stderr).not.toContain('mustermann')
    expect(runs[12]!.stderr).not.toContain('mysql://')
    // Nothing was written beside the log, nor into it.
    expect(readdirSync(dir).sort()).toEqual(['kunden.db'])
    expect(createHash('sha256').update(readFileSync(log)).digest('hex')).toBe(logHash)
  }, 600_000)

  it('--json answers a usage error as a JSON error naming the field', () => {
    const run = runBinary(['--store', store, '--json', 'owner', 'kunde-1', '--at', 'soon'])
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toEqual({ error: { tag: 'UsageError', field: '--at', message: expect.stringContaining('--at: expected an ISO 8601 time') } })
  })

  it('--json answers every usage error commander finds as a JSON error naming the option or argument, too', async () => {
    // [arguments, the field named, what the message says]
    const refused: ReadonlyArray<readonly [ReadonlyArray<string>, string, string]> = [
      [['--store', store, '--json', 'orphans', '--colour'], '--colour', '--colour: unknown option'],
      [['--store', store, 'orphans', '--colour', '--json'], '--colour', '--colour: unknown option'],
      [['--store', store, '--json', 'kpis', '--unti', 'month'], '--unti', '--unti: unknown option; did you mean --unit?'],
      [['--store', store, '--json', 'frobnicate'], '<command>', '<command>: unknown command'],
      [['--store', store, '--json', 'report'], '<command>', '<command>: a subcommand is required'],
      [['--store', store, '--json', 'owner'], '<account>', '<account>: is required'],
      [['--store', store, '--json', 'owner', 'kunde-1', 'kunde-2'], '<arguments>', '<arguments>: too many arguments (expected 1)'],
      [['--store', store, '--json', 'kpis', '--unit', 'decade'], '--unit', '--unit: expected one of year, month, day'],
      [['--store', store, '--json', 'owner', 'kunde-1', '--at'], '--at', '--at: needs a value'],
      [['--store', store, '--json', 'import', 'x.csv', '--by', 'dora'], '--tenant', '--tenant: is required'],
    ]
    const runs: CliRun[] = []
    for (let i = 0; i < refused.length; i += 4) runs.push(...(await Promise.all(refused.slice(i, i + 4).map(([args]) => runBinaryAsync(args)))))
    expect(runs.map((run) => ({ code: run.code, answer: JSON.parse(run.stdout || 'null') as unknown }))).toEqual(
      refused.map(([, field, says]) => ({ code: 2, answer: { error: { tag: 'UsageError', field, message: expect.stringContaining(says) } } })),
    )
    // The JSON never repeats a value given (the choice, the extra argument); a person still reads commander's words on standard error.
    expect(runs[7]!.stdout).not.toContain('decade')
    expect(runs[6]!.stdout).not.toContain('kunde-2')
    expect(runs[0]!.stderr).toContain("error: unknown option '--colour'")
  })

  it('--json names an unknown option given with a value (--flag=value, -xvalue) by its flag alone, never the value', async () => {
    const runs = await Promise.all([
      runBinaryAsync(['--store', store, '--json', 'orphans', '--colour=Erika.Mustermann']),
      runBinaryAsync(['--store', store, '--json', 'orphans', '-ZErika.Mustermann']),
    ])
    expect(runs.map((run) => ({ code: run.code, answer: JSON.parse(run.stdout || 'null') as unknown }))).toEqual([
      { code: 2, answer: { error: { tag: 'UsageError', field: '--colour', message: '--colour: unknown option' } } },
      { code: 2, answer: { error: { tag: 'UsageError', field: '-Z', message: '-Z: unknown option' } } },
    ])
    for (const run of runs) expect(run.stdout).not.toContain('Erika')
  })

  it('--help lists every subcommand, the exit codes and which commands write', () => {
    const run = runBinary(['--help'])
    expect(run.code).toBe(0)
    for (const command of ['replay', 'backup', 'copy', 'verify', 'rebuild', 'owner', 'book', 'orphans', 'history', 'access', 'report', 'erase', 'import', 'kpis']) expect(run.stdout).toMatch(new RegExp(`\\n  ${command}\\b`))
    expect(run.stdout).toContain('Exit codes: 0 ok, 1 finding')
    expect(run.stdout).toContain('WRITES to the log (needs --write)')
    expect(run.stdout).toContain('ACCOUNT_OWNERSHIP_STORE')
    const sub = runBinary(['import', '--help'])
    expect(sub.code).toBe(0)
    expect(sub.stdout).toContain('--write')
    expect(sub.stdout).toContain('account_id, display_name, tier, owner_id')
  })

  it('the store comes from ACCOUNT_OWNERSHIP_STORE when --store is not given', () => {
    const run = runBinary(['--json', 'book', 'felix'], { env: { ACCOUNT_OWNERSHIP_STORE: store } })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ ownerId: 'felix', accounts: [{ accountId: 'kunde-1' }] })
  })
})
