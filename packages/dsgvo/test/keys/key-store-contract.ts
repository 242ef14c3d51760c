/**
 * What every key store must do, run against each implementation.
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import type { KeyStore } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
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
