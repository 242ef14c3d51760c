// `backup`, `copy` and `rebuild` on a real log: the copy is a log of the same events, nothing is
// overwritten, a log without events is no log to copy, and a rebuild writes its read models into
// a file of its own with a progress bar (done/total, rate, ETA) that shows only when asked for or
// on a terminal.
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { writeAuditLog } from './audit-log-fixture.js'
import { runBinary, shellCommand } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('backup')
const log = join(dir, 'kunden.db')
const store = `sqlite:${log}`
const digest = () => createHash('sha256').update(readFileSync(log)).digest('hex')
let events = 0

beforeAll(async () => {
  events = await writeAuditLog(log)
})

describe('backup, copy and rebuild', () => {
  it('backup writes a new file that verifies with the same head', () => {
    const before = digest()
    const to = join(dir, 'backup.db')
    const run = runBinary(['--store', store, '--json', 'backup', to])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ headPosition: String(events) })
    const original = JSON.parse(runBinary(['--store', store, '--json', 'verify']).stdout) as { head: unknown }
    const copied = JSON.parse(runBinary(['--store', `sqlite:${to}`, '--json', 'verify']).stdout) as { head: unknown }
    expect(copied.head).toEqual(original.head)
    expect(digest()).toBe(before)
    expect(runBinary(['--store', store, 'backup', to]).code).toBe(2)
  })

  it('copy writes every row as stored into a new log, verified, and a second run has nothing left to copy', () => {
    const to = join(dir, 'copy.db')
    const run = runBinary(['--json', 'copy', store, `sqlite:${to}`])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ resumedFrom: '0', copied: events, head: String(events), verified: events })
    const again = runBinary(['--json', 'copy', store, `sqlite:${to}`])
    expect(JSON.parse(again.stdout)).toEqual({ resumedFrom: String(events), copied: 0, head: String(events), verified: events })
  })

  it('backup and copy of a log without events say so, exit 2 and write nothing', async () => {
    const emptyDir = join(dir, 'empty')
    const empty = join(emptyDir, 'leer.db')
    mkdirSync(emptyDir)
    const opened = openSqliteEventStore({ path: empty })
    if (E.isLeft(opened)) throw opened.left
    await opened.right.close()
    const files = readdirSync(emptyDir).sort()
    const backup = runBinary(['--store', `sqlite:${empty}`, '--json', 'backup', join(emptyDir, 'backup.db')])
    expect(backup.code).toBe(2)
    expect(JSON.parse(backup.stdout)).toEqual({ error: { tag: 'UsageError', field: '--store', message: expect.stringContaining('holds no events') } })
    const copy = runBinary(['copy', `sqlite:${empty}`, `sqlite:${join(emptyDir, 'copy.db')}`])
    expect(copy.code).toBe(2)
    expect(copy.stdout).toBe('')
    expect(copy.stderr).toContain('<from>: the log holds no events')
    expect(readdirSync(emptyDir).sort()).toEqual(files)
  })

  it.skipIf(!existsSync('/usr/bin/script'))('on a terminal the progress bar shows without being asked for', () => {
    const models = join(dir, 'tty-read-models.db')
    const tty = spawnSync('/usr/bin/script', ['-qec', shellCommand(['--store', store, '--read-models', `sqlite:${models}`, 'rebuild', 'all']), '/dev/null'], { encoding: 'utf8', timeout: 120_000 })
    expect(tty.status).toBe(0)
    expect(tty.stdout).toMatch(new RegExp(`rebuild all \\[.*\\] ${events}/${events} events \\| \\d+ events/s \\| ETA`))
  })

  it('rebuild writes the read models file, shows progress when asked, and later runs answer from it', () => {
    const models = join(dir, 'read-models.db')
    const run = runBinary(['--store', store, '--read-models', `sqlite:${models}`, '--progress', 'rebuild', 'all'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('current-owner, ownership-history, access, kpis, dsgvo-audit')
    expect(run.stderr).toMatch(new RegExp(`rebuild all \\[.*\\] ${events}/${events} events \\| \\d+ events/s \\| ETA`))
    expect(existsSync(models)).toBe(true)
    const quiet = runBinary(['--store', store, '--read-models', `sqlite:${models}`, 'rebuild', 'access'])
    expect(quiet.code).toBe(0)
    expect(quiet.stderr).toBe('')
    const owner = runBinary(['--store', store, '--read-models', `sqlite:${models}`, '--json', 'owner', 'kunde-1'])
    expect(JSON.parse(owner.stdout)).toMatchObject({ ownerId: 'felix' })
  })
})
