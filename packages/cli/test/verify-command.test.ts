// `verify` on a real log: an intact chain and a kept head that still matches; a changed byte in a
// copy and a removed newest event are findings (exit code 1) that name the position.
import { removeAppendOnlyTriggers } from '@account-ownership/store-sqlite/testing'
import Database from 'better-sqlite3'
import { generateKeyPairSync } from 'node:crypto'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { writeAuditLog } from './audit-log-fixture.js'
import { runBinary } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('verify')
const log = join(dir, 'kunden.db')
const headFile = join(dir, 'head.json')
let events = 0

const tampered = (name: string, sql: string): string => {
  const path = join(dir, name)
  copyFileSync(log, path)
  const db = new Database(path)
  removeAppendOnlyTriggers(db)
  db.exec(sql)
  db.close()
  return path
}

beforeAll(async () => {
  events = await writeAuditLog(log)
})

describe('verify', () => {
  it('an intact log: exit code 0, every event counted, a head to keep', () => {
    const run = runBinary(['--store', `sqlite:${log}`, '--json', 'verify'])
    expect(run.code).toBe(0)
    const body = JSON.parse(run.stdout) as { ok: boolean; events: number; head: { position: string; digest: string } }
    expect(body).toMatchObject({ ok: true, events, head: { position: String(events) } })
    expect(body.head.digest).toMatch(/^[0-9a-f]{64}$/)
    writeFileSync(headFile, run.stdout)
    const again = runBinary(['--store', `sqlite:${log}`, 'verify', '--head', headFile])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('matches')
  })

  it('one changed byte in a stored event is a finding naming its position', () => {
    const copy = tampered('changed.db', "UPDATE ao_events SET data = replace(data, 'support', 'suppora') WHERE global_position = 6")
    const run = runBinary(['--store', `sqlite:${copy}`, '--json', 'verify'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, reason: 'hash-mismatch', globalPosition: '6', streamId: 'account-kunde-1' })
    const human = runBinary(['--store', `sqlite:${copy}`, 'verify'])
    expect(human.code).toBe(1)
    expect(human.stdout).toContain('BROKEN at position 6')
  })

  it('the newest event removed: the chain alone holds, the kept head shows it', () => {
    const copy = tampered('shortened.db', 'DELETE FROM ao_events WHERE global_position = (SELECT max(global_position) FROM ao_events)')
    expect(runBinary(['--store', `sqlite:${copy}`, 'verify']).code).toBe(0)
    const run = runBinary(['--store', `sqlite:${copy}`, '--json', 'verify', '--head', headFile])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, reason: 'shorter-than-head' })
  })

  it('a signed tree head kept from tree-head: matches the log, and finds two events of different streams that swapped places, which the chain passes', () => {
    const keys = generateKeyPairSync('ed25519')
    const signingKey = join(dir, 'tree-key.pem')
    const publicKey = join(dir, 'tree-key.pub.pem')
    writeFileSync(signingKey, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }))
    writeFileSync(publicKey, keys.publicKey.export({ type: 'spki', format: 'pem' }))
    const taken = runBinary(['--store', `sqlite:${log}`, 'tree-head', '--signing-key', signingKey])
    expect(taken.code).toBe(0)
    const treeHeadFile = join(dir, 'tree-head.json')
    writeFileSync(treeHeadFile, taken.stdout)
    expect(JSON.parse(taken.stdout)).toMatchObject({ treeSize: events, lastPosition: String(events) })
    const holds = runBinary(['--store', `sqlite:${log}`, '--json', 'verify', '--tree-head', treeHeadFile, '--public-key', publicKey])
    expect([holds.code, JSON.parse(holds.stdout)]).toEqual([0, expect.objectContaining({ ok: true, treeHead: 'matches' })])
    const swapped = tampered('swapped.db', 'UPDATE ao_events SET global_position = -1 WHERE global_position = 5; UPDATE ao_events SET global_position = 5 WHERE global_position = 6; UPDATE ao_events SET global_position = 6 WHERE global_position = -1;')
    expect(runBinary(['--store', `sqlite:${swapped}`, 'verify']).code).toBe(0)
    const found = runBinary(['--store', `sqlite:${swapped}`, '--json', 'verify', '--tree-head', treeHeadFile, '--public-key', publicKey])
    expect([found.code, JSON.parse(found.stdout)]).toEqual([1, expect.objectContaining({ ok: false, reason: 'root-mismatch' })])
    const otherKey = join(dir, 'other.pub.pem')
    writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }))
    const wrongKey = runBinary(['--store', `sqlite:${log}`, 'verify', '--tree-head', treeHeadFile, '--public-key', otherKey])
    expect([wrongKey.code, wrongKey.stderr]).toEqual([2, expect.stringContaining('--tree-head')])
    expect(runBinary(['--store', `sqlite:${log}`, 'verify', '--tree-head', treeHeadFile]).code).toBe(2)
  })
})
