import { accountStream } from '@account-ownership/core'
import { account, newEvent } from '@account-ownership/core/testing'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { hashOf, openOrThrow, seedFile, seededStream, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('read-only')
const another = [newEvent({ type: 'AccountArchived', data: { accountId: account('kunde-1'), reason: 'churned', archivedBy: 'dora' as never } })]

describe("the auditor's read-only mode", () => {
  it('reads the log and refuses every append with a StoreUnavailableError, changing nothing', async () => {
    const file = scratch.file()
    await seedFile(file)
    const before = hashOf(file)
    const auditor = openOrThrow({ path: file, readonly: true })
    expect(auditor.readonly).toBe(true)
    expect((await settle(auditor.readStream(seededStream))).items).toHaveLength(4)
    expect((await settle(auditor.readAll())).items).toHaveLength(4)
    expect(await auditor.streamVersion(seededStream)).toEqual(E.right(3n))
    expect(await auditor.headPosition()).toEqual(E.right(4n))
    for (const streamId of [seededStream, accountStream(account('kunde-2'))]) {
      expect(await auditor.append(streamId, another, { expectedVersion: 'any' })).toEqual(
        E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false, reason: expect.stringMatching(/read-only/) })),
      )
    }
    await auditor.close()
    expect(hashOf(file)).toBe(before)
  })

  it('reads what a writer in the same file appends meanwhile', async () => {
    const file = scratch.file()
    await seedFile(file)
    const writer = openOrThrow({ path: file })
    const auditor = openOrThrow({ path: file, readonly: true })
    expect(E.isRight(await writer.append(seededStream, another, { expectedVersion: 3n }))).toBe(true)
    expect(await auditor.streamVersion(seededStream)).toEqual(E.right(4n))
    await auditor.close()
    await writer.close()
  })

  it('is the mode of a read-only connection handed in', async () => {
    const file = scratch.file()
    await seedFile(file)
    const db = new Database(file, { readonly: true })
    const auditor = openOrThrow({ database: db })
    expect(auditor.readonly).toBe(true)
    expect(await auditor.append(seededStream, another, { expectedVersion: 3n })).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError' })))
    await auditor.close()
    db.close()
  })

  it('refuses a database without an event log rather than creating one', () => {
    const file = scratch.file()
    new Database(file).exec('CREATE TABLE crm_contacts (id INTEGER)').close()
    const before = hashOf(file)
    expect(() => openOrThrow({ path: file, readonly: true })).toThrow(expect.objectContaining({ reason: 'not-an-event-store' }))
    expect(hashOf(file)).toBe(before)
  })
})
