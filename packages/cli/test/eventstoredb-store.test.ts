// The CLI on an EventStoreDB log (esdb://… and kurrentdb://… as --store), against the gRPC test
// double of store-eventstoredb (a small node speaking the protocol, see its double/esdb-double.ts):
// the same history written through the EventStoreDB store answers the same questions as on
// SQLite, its chain verifies although its positions leave gaps, and copy moves it into SQLite.
import { openEventStoreDbEventStore } from '@account-ownership/store-eventstoredb'
import * as E from 'fp-ts/lib/Either.js'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startEsdbDouble, type EsdbDouble } from '../../store-eventstoredb/test/double/esdb-double.js'
import { writeAuditHistory } from './audit-log-fixture.js'
import { runBinaryAsync } from './cli-process.js'
import { scratchDir } from './scratch-dir.js'

// Each test starts the executable a few times; on a shared, loaded machine one start can take 20 s.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 })

const dir = scratchDir('esdb')
let double: EsdbDouble
let url = ''
let events = 0

beforeAll(async () => {
  double = await startEsdbDouble()
  url = double.connectionString
  const opened = openEventStoreDbEventStore({ connectionString: url })
  if (E.isLeft(opened)) throw opened.left
  await writeAuditHistory(opened.right)
  await opened.right.close()
  events = double.log.records.filter((r) => !r.streamId.startsWith('$')).length
})

afterAll(async () => {
  await double.stop()
})

// The double runs in this process, so the executable must not block it.
const cli = (args: ReadonlyArray<string>) => runBinaryAsync(args)

describe('the CLI on EventStoreDB', () => {
  it('answers owner and orphans from an esdb:// store, and the same from kurrentdb://', async () => {
    const owner = await cli(['--store', url, '--json', 'owner', 'kunde-1', '--at', '2025-01-25'])
    expect(owner.stderr).toBe('')
    expect(JSON.parse(owner.stdout)).toMatchObject({ owner: { ownerId: 'hanna' } })
    const kurrent = await cli(['--store', url.replace(/^esdb:/, 'kurrentdb:'), '--json', 'owner', 'kunde-1', '--at', '2025-03-01'])
    expect(JSON.parse(kurrent.stdout)).toMatchObject({ owner: { ownerId: 'felix' } })
    const orphans = await cli(['--store', url, '--json', 'orphans'])
    expect(orphans.code).toBe(1)
    expect(orphans.stdout).toContain('kunde-2')
  })

  it('verify passes although the positions leave gaps', async () => {
    const verified = await cli(['--store', url, '--json', 'verify'])
    expect(verified.stderr).toBe('')
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events })
  })

  it('copy moves the log into a new SQLite file numbered 1, 2, 3 …, and from there into another node, each verified', async () => {
    const to = join(dir, 'copy.db')
    const copied = await cli(['--json', 'copy', url, `sqlite:${to}`])
    expect(copied.stderr).toBe('')
    expect(JSON.parse(copied.stdout)).toMatchObject({ copied: events, verified: events })
    const onFile = JSON.parse((await cli(['--store', `sqlite:${to}`, '--json', 'verify'])).stdout) as { ok: boolean; events: number; lastPosition: string }
    expect(onFile).toMatchObject({ ok: true, events, lastPosition: String(events) })
    const other = await startEsdbDouble()
    try {
      const again = await cli(['--json', 'copy', `sqlite:${to}`, other.connectionString])
      expect(again.stderr).toBe('')
      expect(JSON.parse(again.stdout)).toMatchObject({ copied: events, verified: events })
      expect(JSON.parse((await cli(['--store', other.connectionString, '--json', 'verify'])).stdout)).toMatchObject({ ok: true, events })
    } finally {
      await other.stop()
    }
  })

  it('a node that cannot be reached is a failure (exit code 3), not a hang or a usage error', async () => {
    const run = await cli(['--store', 'esdb://127.0.0.1:1?tls=false', 'orphans'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('could not be opened')
  })

  it('a connection string the client cannot parse is a usage error naming --store, without repeating it', async () => {
    const run = await cli(['--store', 'esdb://geheim:passwort@host:2113?tls=vielleicht', 'orphans'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--store:')
    expect(run.stderr).not.toContain('passwort')
  })

  it('verify names an event changed on the node (exit code 1), by its stream and version', async () => {
    const index = double.log.records.findIndex((r) => r.streamId === 'account-kunde-1' && r.revision === 2n)
    const record = double.log.records[index]!
    double.log.tamper(index, Buffer.from(record.data.toString('utf8').replace('sven', 'mallory')))
    const verified = await cli(['--store', url, '--json', 'verify'])
    expect(verified.code).toBe(1)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, reason: 'hash-mismatch', streamId: 'account-kunde-1', streamVersion: '2' })
  })
})
