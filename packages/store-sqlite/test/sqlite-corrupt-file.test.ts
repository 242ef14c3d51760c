import { accountStream, type AccountId } from '@account-ownership/core'
import { openSqliteEventStore, type SqliteEventStore } from '@account-ownership/store-sqlite'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { copyFileSync, openSync, closeSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { classifiedEvent } from './processes/classified-event.js'
import { openOrThrow, settle } from './seeded-store.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('corrupt-file')
const streams = Array.from({ length: 6 }, (_, s) => accountStream(`kaputt-${s}` as AccountId))
const original = scratch.file('original.db')

// The error tags a store may answer with; a raw SqliteError (or anything untagged) is a bug.
const typed = ['CorruptEventError', 'StoreUnavailableError', 'SqliteOpenError', 'InvalidStoreInputError', 'ConcurrencyError', 'DuplicateEventError']
const tagOf = (e: unknown): string => (typeof e === 'object' && e !== null && '_tag' in e ? String(e._tag) : `untagged ${(e as Error)?.name ?? typeof e}: ${(e as Error)?.message ?? ''}`)

// Every answer a store gives over the damaged file, as tags of the errors among them.
const errorsOfEveryCall = async (store: SqliteEventStore): Promise<string[]> => {
  const tags: string[] = []
  const read = async (it: AsyncIterable<unknown>) => {
    const { error } = await settle(it)
    if (error !== undefined) tags.push(tagOf(error))
  }
  await read(store.readAll())
  await read(store.readAll({ verifyHashes: true }))
  await read(store.readStoredAll())
  for (const stream of streams) await read(store.readStream(stream))
  for (const answer of [await store.headPosition(), await store.streamVersion(streams[0]!)]) if (E.isLeft(answer)) tags.push(tagOf(answer.left))
  if (!store.readonly) {
    const appended = await store.append(streams[1]!, [classifiedEvent('kaputt-1' as AccountId, 1, 'after', `after-${Math.random()}`)], { expectedVersion: 'any' })
    if (E.isLeft(appended)) tags.push(tagOf(appended.left))
  }
  return tags
}

describe('reads over a file with garbage bytes in the middle', () => {
  beforeAll(async () => {
    const store = openOrThrow({ path: original })
    for (let n = 0; n < 600; n++) {
      const s = n % streams.length
      const appended = await store.append(streams[s]!, [classifiedEvent(`kaputt-${s}` as AccountId, n, `criterion ${n}`, `evt-${n}`)], { expectedVersion: 'any' })
      if (E.isLeft(appended)) throw appended.left
    }
    await store.close()
  })

  it('answer with typed errors — CorruptEventError or StoreUnavailableError — never a raw SqliteError (property)', async () => {
    const size = statSync(original).size
    let damaged = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100, max: size - 1 }), fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.boolean(), async (offset, garbage, readonly) => {
        const file = scratch.file()
        copyFileSync(original, file)
        const fd = openSync(file, 'r+')
        writeSync(fd, garbage, 0, Math.min(garbage.length, size - offset), offset)
        closeSync(fd)
        let opened: ReturnType<typeof openSqliteEventStore>
        try {
          opened = openSqliteEventStore({ path: file, readonly })
        } catch (e) {
          throw new Error(`opening threw instead of answering: ${tagOf(e)}`)
        }
        if (E.isLeft(opened)) {
          expect(opened.left._tag).toBe('SqliteOpenError')
          return
        }
        const tags = await errorsOfEveryCall(opened.right)
        await opened.right.close()
        if (tags.length > 0) damaged++
        for (const tag of tags) expect(typed).toContain(tag)
      }),
      { numRuns: 60 },
    )
    // The property is only worth something if the damage was seen.
    expect(damaged).toBeGreaterThan(0)
  })
})

describe('a file whose schema was damaged so that a column of the log is gone', () => {
  it.each([false, true])('is refused with a SqliteOpenError, not a throw (readonly: %s); an auditor leaves it as it was', async (readonly) => {
    const file = scratch.file()
    copyFileSync(original, file)
    // One byte of the schema page flipped, as the property once found: the log's column `type`
    // reads as `typA` in the table's stored SQL.
    const bytes = readFileSync(file)
    const at = bytes.indexOf(Buffer.from('type            TEXT'))
    expect(at).toBeGreaterThan(0)
    bytes[at + 3] = 'A'.charCodeAt(0)
    writeFileSync(file, bytes)
    const before = readFileSync(file)
    let opened: ReturnType<typeof openSqliteEventStore>
    try {
      opened = openSqliteEventStore({ path: file, readonly })
    } catch (e) {
      throw new Error(`opening threw instead of answering: ${tagOf(e)}`)
    }
    expect(E.isLeft(opened) && opened.left._tag).toBe('SqliteOpenError')
    // A writer has already put the file into WAL mode when the damage shows; an auditor changes nothing.
    if (readonly) expect(readFileSync(file).equals(before)).toBe(true)
  })
})
