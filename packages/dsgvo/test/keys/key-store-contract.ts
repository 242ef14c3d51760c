/**
 * What every key store must do, run against each implementation: the contract of the port, and
 * the contract of a key store given key-encryption keys (wrap, unwrap, rotate and retire on erasure).
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import { KeyStoreUnavailableError, unwrapKey, type KeyEncryptionKeys, type KeyStore } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw e.left
  return e.right
}

/** The key store contract; `open` gives a fresh, empty key store. */
export const keyStoreContract = (open: () => Promise<KeyStore>) => {
  const erika = 'stakeholder:erika' as SubjectId
  const max = 'stakeholder:max' as SubjectId

  it('has no key for a subject it never saw', async () => {
    const keys = await open()
    expect(right(await keys.keyFor(erika))).toBeUndefined()
    await keys.close()
  })

  it('creates 32-byte keys, one per subject, and finds them by version', async () => {
    const keys = await open()
    const a = right(await keys.create(erika))
    const b = right(await keys.create(max))
    expect(a.key.length).toBe(32)
    expect(a.version).toBe(1)
    expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(false)
    expect(right(await keys.keyFor(erika))).toEqual(a)
    expect(right(await keys.keyFor(erika, 1))).toEqual(a)
    expect(right(await keys.keyFor(erika, 2))).toBeUndefined()
    await keys.close()
  })

  it('destroys every key of one subject and no other, and never reuses a version', async () => {
    const keys = await open()
    right(await keys.create(erika))
    right(await keys.create(erika))
    const maxKey = right(await keys.create(max))
    expect(right(await keys.delete(erika))).toBe(2)
    expect(right(await keys.keyFor(erika))).toBeUndefined()
    expect(right(await keys.keyFor(erika, 1))).toBeUndefined()
    expect(right(await keys.keyFor(max))).toEqual(maxKey)
    expect(right(await keys.versionsOf(erika))).toBe(2)
    expect(right(await keys.create(erika)).version).toBe(3)
    expect(right(await keys.versionsOf(erika))).toBe(3)
    expect(right(await keys.delete('stakeholder:nobody' as SubjectId))).toBe(0)
    expect(right(await keys.versionsOf('stakeholder:nobody' as SubjectId))).toBe(0)
    await keys.close()
  })
}

/** One key table, empty at first, that a test may open several times, with or without KEKs. */
export interface KeyStorage {
  open(keyEncryptionKeys?: KeyEncryptionKeys): Promise<KeyStore>
  /** The subject's rows as the table holds them — what a backup of it would hold. */
  stored(subjectId: string): Promise<ReadonlyArray<{ readonly version: number; readonly key: Buffer; readonly kekVersion: number | null }>>
}

/** A rotating KEK source that can be told to answer a bad KEK, to see the store refuse it. */
const keksInMemory = () => {
  const ring = new Map<number, Uint8Array>([[1, new Uint8Array(randomBytes(32))]])
  let current = 1
  const bad = { current: false, byVersion: false, rotate: false }
  const asked = { byVersion: 0 }
  const keks: KeyEncryptionKeys = {
    current: async () => E.right({ version: current, key: bad.current ? new Uint8Array(16) : ring.get(current)! }),
    byVersion: async (version) => {
      asked.byVersion++
      return E.right(bad.byVersion ? new Uint8Array(16) : ring.get(version))
    },
    rotate: async () => {
      const fresh = { version: current + 1, key: new Uint8Array(randomBytes(bad.rotate ? 16 : 32)) }
      ring.set(fresh.version, fresh.key)
      current = fresh.version
      return E.right(fresh)
    },
    retireOlderThan: async (version) => {
      const older = [...ring.keys()].filter((v) => v < version)
      for (const v of older) ring.delete(v)
      return E.right(older.length)
    },
  }
  return { keks, bad, ring, asked }
}

/** What every key store does with key-encryption keys; `storage` gives a fresh, empty key table. */
export const keyEncryptionContract = (storage: () => Promise<KeyStorage>) => {
  const erika = 'stakeholder:erika' as SubjectId
  const max = 'stakeholder:max' as SubjectId

  it('stores keys only wrapped; after an erasure no KEK left opens the erased key as stored before, and the other keys open only under the current KEK', async () => {
    const table = await storage()
    const { keks, ring } = keksInMemory()
    const keys = await table.open(keks)
    const erikaKey = right(await keys.create(erika))
    const maxKey = right(await keys.create(max))
    const [backupOfErika] = await table.stored(erika)
    const [backupOfMax] = await table.stored(max)
    expect(backupOfErika!.kekVersion).toBe(1)
    expect(backupOfErika!.key.includes(Buffer.from(erikaKey.key))).toBe(false)
    const oldKek = ring.get(1)!
    // Until the erasure the KEK of the time opens what a backup holds.
    expect(unwrapKey(oldKek, backupOfErika!.key, `${erika}~1`)).toEqual(erikaKey.key)

    expect(right(await keys.delete(erika))).toBe(1)
    expect([...ring.keys()]).toEqual([2])
    for (const kek of ring.values()) {
      expect(unwrapKey(kek, backupOfErika!.key, `${erika}~1`)).toBeUndefined()
      expect(unwrapKey(kek, backupOfMax!.key, `${max}~1`)).toBeUndefined()
    }
    const [maxNow] = await table.stored(max)
    expect(maxNow!.kekVersion).toBe(2)
    expect(unwrapKey(ring.get(2)!, maxNow!.key, `${max}~1`)).toEqual(maxKey.key)
    expect(unwrapKey(oldKek, maxNow!.key, `${max}~1`)).toBeUndefined()
    expect(right(await keys.keyFor(max))).toEqual(maxKey)
    expect(right(await keys.keyFor(erika))).toBeUndefined()
    await keys.close()
  })

  it('retires only the KEKs before its own: another erasure that rotated past it and then failed leaves the keys under its KEK, which still opens them', async () => {
    const table = await storage()
    const { keks, ring } = keksInMemory()
    const lena = 'stakeholder:lena' as SubjectId
    // Once its keys are committed, the first erasure waits at its next ask of the KEK source (to
    // retire, or to learn which KEK is current) until the second has rotated and failed.
    let armed = false
    let committed!: () => void
    let release!: () => void
    const atRetirement = new Promise<void>((resolve) => (committed = resolve))
    const released = new Promise<void>((resolve) => (release = resolve))
    const paused = async () => {
      if (!armed) return
      committed()
      await released
    }
    const first = await table.open({
      ...keks,
      current: async () => {
        await paused()
        return keks.current()
      },
      retireOlderThan: async (version) => {
        await paused()
        return keks.retireOlderThan!(version)
      },
    })
    // The KMS made the fresh KEK current, but its answer was lost: the erasure rolls back.
    const second = await table.open({
      ...keks,
      rotate: async () => {
        await keks.rotate!()
        return E.left(new KeyStoreUnavailableError('the KMS did not answer', true))
      },
    })
    right(await first.create(erika))
    const maxKey = right(await first.create(max))
    const lenaKey = right(await first.create(lena))
    armed = true
    const erasing = first.delete(erika)
    await atRetirement
    expect(await second.delete(max)).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError' })))
    release()
    expect(right(await erasing)).toBe(1)
    expect([...ring.keys()]).toEqual([2, 3])
    expect(right(await first.keyFor(max))).toEqual(maxKey)
    expect(right(await second.keyFor(lena))).toEqual(lenaKey)
    expect(right(await first.keyFor(erika))).toBeUndefined()
    await first.close()
    await second.close()
  })

  it('asks its KEK source for each KEK once per erasure, not once per key it re-wraps', async () => {
    const table = await storage()
    const { keks, asked } = keksInMemory()
    const keys = await table.open(keks)
    for (const subject of [erika, max, 'stakeholder:lena' as SubjectId, 'stakeholder:otto' as SubjectId]) right(await keys.create(subject))
    asked.byVersion = 0
    expect(right(await keys.delete(erika))).toBe(1)
    expect(asked.byVersion).toBe(1)
    await keys.close()
  })

  it('refuses a KEK of the wrong length with an error naming the source’s method, and stores nothing', async () => {
    const table = await storage()
    const { keks, bad } = keksInMemory()
    const keys = await table.open(keks)
    bad.current = true
    const created = await keys.create(erika)
    expect(created).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', field: 'keyEncryptionKeys.current', retryable: false })))
    expect(await table.stored(erika)).toEqual([])
    bad.current = false
    const erikaKey = right(await keys.create(erika))
    bad.byVersion = true
    expect(await keys.keyFor(erika)).toEqual(E.left(expect.objectContaining({ field: 'keyEncryptionKeys.byVersion' })))
    bad.byVersion = false
    expect(right(await keys.keyFor(erika))).toEqual(erikaKey)
    await keys.close()
  })

  it('destroys nothing when the rotation of an erasure fails', async () => {
    const table = await storage()
    const { keks, bad } = keksInMemory()
    const keys = await table.open(keks)
    const erikaKey = right(await keys.create(erika))
    const maxKey = right(await keys.create(max))
    bad.rotate = true
    expect(await keys.delete(erika)).toEqual(E.left(expect.objectContaining({ field: 'keyEncryptionKeys.rotate' })))
    bad.rotate = false
    expect(right(await keys.keyFor(erika))).toEqual(erikaKey)
    expect(right(await keys.keyFor(max))).toEqual(maxKey)
    await keys.close()
  })

  it('reads keys stored plain before KEKs were configured, and wraps them at the next erasure', async () => {
    const table = await storage()
    const plain = await table.open()
    const erikaKey = right(await plain.create(erika))
    const maxKey = right(await plain.create(max))
    await plain.close()
    const { keks, ring } = keksInMemory()
    const keys = await table.open(keks)
    expect(right(await keys.keyFor(erika))).toEqual(erikaKey)
    expect(right(await keys.keyFor(max, 1))).toEqual(maxKey)
    expect((await table.stored(max))[0]!.kekVersion).toBeNull()
    expect(right(await keys.delete(erika))).toBe(1)
    const [maxNow] = await table.stored(max)
    expect(maxNow!.kekVersion).toBe(2)
    expect(maxNow!.key.includes(Buffer.from(maxKey.key))).toBe(false)
    expect(unwrapKey(ring.get(2)!, maxNow!.key, `${max}~1`)).toEqual(maxKey.key)
    expect(right(await keys.keyFor(max))).toEqual(maxKey)
    await keys.close()
  })

  it('opened without KEKs, neither hands out wrapped bytes as a key nor erases without retiring the KEK', async () => {
    const table = await storage()
    const { keks } = keksInMemory()
    const wrapped = await table.open(keks)
    const erikaKey = right(await wrapped.create(erika))
    right(await wrapped.create(max))
    await wrapped.close()
    const keys = await table.open()
    expect(await keys.keyFor(erika)).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', field: 'keyEncryptionKeys' })))
    expect(await keys.delete(erika)).toEqual(E.left(expect.objectContaining({ _tag: 'KeyStoreUnavailableError', field: 'keyEncryptionKeys' })))
    await keys.close()
    const again = await table.open(keks)
    expect(right(await again.keyFor(erika))).toEqual(erikaKey)
    await again.close()
  })
}
