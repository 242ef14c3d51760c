import { accountStream, type AccountId, type NewEvent } from '@account-ownership/core'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { classifiedEvent } from './processes/classified-event.js'
import { openOrThrow, settle } from './seeded-store.js'

// A small tmpfs of its own, so that the disk can be filled without touching anyone else's.
const smallDisk = (): { readonly dir: string } | { readonly reason: string } => {
  if (process.getuid?.() !== 0) return { reason: 'mounting a tmpfs needs root' }
  const dir = mkdtempSync(join(tmpdir(), 'ao-full-disk-'))
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' }).status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return { reason: 'mount -t tmpfs failed (no privilege to mount here)' }
  }
  afterAll(() => {
    spawnSync('umount', [dir], { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  })
  return { dir }
}

const accountId = 'kunde-voll' as AccountId
// About 30 KB that SQLite cannot compress away: twenty criteria of 1,500 random characters.
const bulkyEvent = (n: number): NewEvent => {
  const event = classifiedEvent(accountId, n, 'bulk', `full-${n}`)
  const criteria = Array.from({ length: 20 }, () => randomBytes(750).toString('hex'))
  return { ...event, data: { ...event.data, criteria } } as NewEvent
}

const disk = smallDisk()
describe.skipIf('reason' in disk)(`a full disk${'reason' in disk ? ` — skipped: ${disk.reason}` : ''}`, () => {
  it('refuses the append that does not fit with a retryable StoreUnavailableError, and appends again once space is freed', async () => {
    if ('reason' in disk) return
    const file = join(disk.dir, 'kunden.db')
    const store = openOrThrow({ path: file })
    // Leave about half a megabyte free: the log fills it within a few dozen events.
    const ballast = join(disk.dir, 'ballast')
    writeFileSync(ballast, Buffer.alloc(3.5 * 1024 * 1024))

    const acked: string[] = []
    let refusal: unknown
    for (let n = 0; n < 200 && refusal === undefined; n++) {
      const appended = await store.append(accountStream(accountId), [bulkyEvent(n)], { expectedVersion: 'any' })
      if (E.isRight(appended)) acked.push(`full-${n}`)
      else refusal = appended.left
    }
    expect(refusal).toMatchObject({ _tag: 'StoreUnavailableError', retryable: true, reason: expect.stringMatching(/^SQLITE_FULL/) })
    expect(acked.length).toBeGreaterThan(0)

    rmSync(ballast)
    const again = await store.append(accountStream(accountId), [bulkyEvent(1000)], { expectedVersion: 'any' })
    expect(E.isRight(again)).toBe(true)
    acked.push('full-1000')

    // Nothing acknowledged was lost, nothing refused was half-written.
    const { items, error } = await settle(store.readStream(accountStream(accountId)))
    expect(error).toBeUndefined()
    expect(items.map((e) => e.metadata.eventId)).toEqual(acked)
    // The refused append's tip was not taken for the stream's: versions run on without a gap, the chain unbroken.
    expect(items.map((e) => e.metadata.streamVersion)).toEqual(acked.map((_, i) => BigInt(i)))
    const verified = await settle(store.readAll({ verifyHashes: true }))
    expect(verified.error).toBeUndefined()
    expect(verified.items).toHaveLength(acked.length)
    await store.close()
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
  })
})
