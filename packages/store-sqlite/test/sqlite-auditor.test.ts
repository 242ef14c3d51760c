import type { RecordedEvent } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWriters } from './processes/ack-collector.js'
import { readOnlyMount } from './read-only-mount.js'
import { hashOf, openOrThrow, seedFile, seededStream, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

// Every file of a directory with its bytes' hash and modification time, to the nanosecond.
const filesOf = (dir: string) => readdirSync(dir).sort().map((name) => ({ name, hash: hashOf(join(dir, name)), mtime: statSync(join(dir, name), { bigint: true }).mtimeNs }))

// Everything the auditor can be asked, answered from the store at `file`.
const audit = async (file: string) => {
  const auditor = openOrThrow({ path: file, readonly: true })
  const answers = {
    stream: (await settle(auditor.readStream(seededStream))).items.length,
    all: (await settle(auditor.readAll({ verifyHashes: true }))).items.length,
    head: await auditor.headPosition(),
    version: await auditor.streamVersion(seededStream),
  }
  return { auditor, answers }
}
const seededAnswers = { stream: 4, all: 4, head: E.right(4n), version: E.right(3n) }

describe("the auditor's mode writes nothing, anywhere", () => {
  it('reads a closed log without changing a byte or creating a file — before, during and after', async () => {
    const scratch = scratchDir('auditor-closed')
    await seedFile(scratch.file('kunden.db'))
    const before = filesOf(scratch.dir)
    expect(before.map((f) => f.name)).toEqual(['kunden.db'])
    const { auditor, answers } = await audit(scratch.file('kunden.db'))
    expect(answers).toEqual(seededAnswers)
    expect(filesOf(scratch.dir)).toEqual(before)
    await auditor.close()
    expect(filesOf(scratch.dir)).toEqual(before)
  })

  it('reads a file left in WAL mode without a -wal (release 0.1.0, a connection handed in) the same way', async () => {
    const scratch = scratchDir('auditor-wal-left')
    const db = new Database(scratch.file('kunden.db'))
    await openOrThrow({ database: db }).close()
    db.close()
    expect(statSync(scratch.file('kunden.db')).size).toBeGreaterThan(0)
    await seedFile(scratch.file('seeded.db'))
    // Put the seeded log into WAL mode and leave it there, as 0.1.0 did on close.
    const legacy = new Database(scratch.file('seeded.db'))
    legacy.pragma('journal_mode = WAL')
    legacy.close()
    const before = filesOf(scratch.dir)
    expect(before.map((f) => f.name)).toEqual(['kunden.db', 'seeded.db'])
    const { auditor, answers } = await audit(scratch.file('seeded.db'))
    expect(answers).toEqual(seededAnswers)
    expect(filesOf(scratch.dir)).toEqual(before)
    await auditor.close()
    expect(filesOf(scratch.dir)).toEqual(before)
  })

  it('reads a consistent snapshot of a live log while a writer process appends, creating no file', { timeout: 300_000 }, async () => {
    const scratch = scratchDir('auditor-live')
    const file = scratch.file('kunden.db')
    const writers = startWriters(file, ['7'], 5)
    try {
      await writers.whenEachAcked(3)
      const names = readdirSync(scratch.dir).sort()
      const auditor = openOrThrow({ path: file, readonly: true })
      let seen = 0
      for (let read = 0; read < 5; read++) {
        const { items, error } = await settle<RecordedEvent>(auditor.readAll({ verifyHashes: true }))
        expect(error).toBeUndefined()
        // Positions without a gap, every batch of five whole, and never fewer than the last read saw.
        expect(items.map((e) => e.metadata.globalPosition)).toEqual(items.map((_, i) => BigInt(i + 1)))
        expect(items.length % 5).toBe(0)
        expect(items.length).toBeGreaterThanOrEqual(seen)
        seen = items.length
        await writers.whenEachAcked(3 + read)
      }
      expect(seen).toBeGreaterThanOrEqual(15)
      expect(readdirSync(scratch.dir).sort()).toEqual(names)
      await auditor.close()
      expect(readdirSync(scratch.dir).sort()).toEqual(names)
    } finally {
      await writers.stop()
    }
  })
})

const mount = readOnlyMount()
describe.skipIf('reason' in mount)(`on a read-only directory${'reason' in mount ? ` — skipped: ${mount.reason}` : ''}`, () => {
  it('the auditor reads the log; a writer is refused up front', async () => {
    if ('reason' in mount) return
    await seedFile(join(mount.source, 'kunden.db'))
    const file = join(mount.mounted, 'kunden.db')
    const before = filesOf(mount.mounted)
    const { auditor, answers } = await audit(file)
    expect(answers).toEqual(seededAnswers)
    await auditor.close()
    expect(filesOf(mount.mounted)).toEqual(before)
    expect(openSqliteEventStore({ path: file })).toEqual(E.left(expect.objectContaining({ _tag: 'SqliteOpenError', reason: 'read-only-file' })))
  })
})
