import { chainHash, genesisHash } from '@account-ownership/core'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWriters } from './processes/ack-collector.js'
import { openOrThrow, seedFile, seededStream, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('backup')
const batchSize = 5

type Row = { stream_id: string; stream_version: bigint; event_id: string; type: string; schema_version: bigint; data: string; metadata: string; recorded_at: string; hash: string }

// Every row of a copy, read with a plain connection, and the streams whose recomputed chain
// differs from the hashes stored.
const examine = (file: string) => {
  const db = new Database(file, { readonly: true })
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  const rows = db.prepare('SELECT * FROM ao_events ORDER BY stream_id, stream_version').safeIntegers(true).all() as Row[]
  db.close()
  const broken = new Set<string>()
  let previous = genesisHash
  rows.forEach((row, i) => {
    if (i === 0 || rows[i - 1]!.stream_id !== row.stream_id) previous = genesisHash
    previous = chainHash(previous, {
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      eventId: row.event_id,
      type: row.type,
      schemaVersion: Number(row.schema_version),
      data: row.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    })
    if (previous !== row.hash) broken.add(row.stream_id)
  })
  return { eventIds: new Set(rows.map((r) => r.event_id)), broken }
}

describe('the online backup', () => {
  it('copies a log while four writer processes append: the copy opens, its chain verifies, and it holds every event acknowledged before the backup began', { timeout: 300_000 }, async () => {
    const file = scratch.file()
    const writers = startWriters(file, ['0', '1', '2', '3'], batchSize)
    try {
      await writers.whenEachAcked(10)
      const auditor = openOrThrow({ path: file, readonly: true })
      const ackedBefore = writers.acknowledged()
      const copy = scratch.file('copy.db')
      const copied = await auditor.backup(copy)
      await auditor.close()
      await writers.whenEachAcked(12) // they kept appending, none was held up for good
      if (E.isLeft(copied)) throw copied.left
      await writers.stop()

      const { eventIds, broken } = examine(copy)
      expect(broken).toEqual(new Set())
      const missing = [...ackedBefore].flatMap((batch) => Array.from({ length: batchSize }, (_, i) => `${batch}-${i}`)).filter((id) => !eventIds.has(id))
      expect(missing).toEqual([])
      expect(ackedBefore.size).toBeGreaterThanOrEqual(40)
      expect(BigInt(eventIds.size)).toBe(copied.right.lastGlobalPosition)

      // The copy is one self-contained file: the auditor reads it creating nothing beside it.
      const before = readdirSync(scratch.dir)
      const reader = openOrThrow({ path: copy, readonly: true })
      expect((await settle(reader.readAll())).items).toHaveLength(eventIds.size)
      await reader.close()
      expect(readdirSync(scratch.dir)).toEqual(before)
    } finally {
      await writers.stop()
    }
  })

  it('copies from a writing store too, and an empty log', async () => {
    const file = scratch.file()
    await seedFile(file)
    const store = openOrThrow({ path: file })
    const copy = scratch.file('from-writer.db')
    expect(await store.backup(copy)).toEqual(E.right({ path: copy, lastGlobalPosition: 4n }))
    await store.close()
    expect((await settle(openOrThrow({ path: copy, readonly: true }).readStream(seededStream))).items).toHaveLength(4)

    const empty = openOrThrow({ path: scratch.file() })
    expect(await empty.backup(scratch.file('empty-copy.db'))).toEqual(E.right(expect.objectContaining({ lastGlobalPosition: 0n })))
    await empty.close()
  })

  it('never overwrites a file, and refuses a target it cannot write, with a typed error naming toPath', async () => {
    const file = scratch.file()
    await seedFile(file)
    const store = openOrThrow({ path: file })
    const existing = scratch.file('precious.txt')
    writeFileSync(existing, 'Kundenliste 2025')
    for (const target of [existing, '', 'a\u0000b.db', join(scratch.dir, 'nowhere', 'copy.db'), 42 as never]) {
      expect(await store.backup(target)).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidStoreInputError', field: 'toPath' })))
    }
    expect(readFileSync(existing, 'utf8')).toBe('Kundenliste 2025')
    await store.close()
    expect(await store.backup(scratch.file('after-close.db'))).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false })))
    expect(existsSync(join(scratch.dir, 'after-close.db'))).toBe(false)
  })
})
