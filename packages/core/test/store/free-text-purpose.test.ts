import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { currentSchema, decodeStoredEvent, freeTextPurposeCode, GrantAccess, prepareEvents, upcastFreeTextPurpose, type StoredEvent } from '@account-ownership/core'
import { newEvent, openedAccountEvents, textArbitrary } from '@account-ownership/core/testing'

// A grant as 0.2 wrote it: schema version 1, its purpose free text.
const granted = openedAccountEvents()[3]!
const { purpose: _code, purposeNote: _note, ...withoutPurpose } = granted.data as Record<string, unknown>
const [prepared] = (prepareEvents([newEvent(granted, { eventId: 'evt-grant' })], currentSchema) as E.Right<ReadonlyArray<Omit<StoredEvent, 'streamId'>>>).right
const rowOf = (data: unknown, schemaVersion: number): StoredEvent => ({
  ...prepared!,
  schemaVersion,
  data: JSON.stringify(data),
  streamId: 'account-kunde-1',
  streamVersion: 3n,
  globalPosition: 3n,
  recordedAt: '2026-03-12T09:00:01.000Z',
})

describe('grants recorded before purposes were codes', () => {
  it('are written as version 2 of AccessGranted now', () => {
    expect(currentSchema.currentVersion('AccessGranted')).toBe(2)
    expect(prepared!.schemaVersion).toBe(2)
  })

  it('read with the purpose code recorded-as-text and their free text as the note, whatever the text', () =>
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const decoded = decodeStoredEvent(rowOf({ ...withoutPurpose, purpose: text }, 1), currentSchema)
        expect(E.isRight(decoded) && decoded.right.data).toEqual({ ...withoutPurpose, purpose: freeTextPurposeCode, purposeNote: text })
      }),
    ))

  it('still refuse what was never a grant of version 1: a purpose that is no text is named as corrupt', () => {
    const decoded = decodeStoredEvent(rowOf({ ...withoutPurpose, purpose: 42 }, 1), currentSchema)
    expect(E.isLeft(decoded) && decoded.left.reason).toMatch(/data\.purpose/)
    expect(upcastFreeTextPurpose(null)).toBe(null)
  })

  it('a version-2 grant with free text as its purpose is refused: a purpose is a code now', () => {
    const decoded = decodeStoredEvent(rowOf({ ...withoutPurpose, purpose: 'Support ticket 4711' }, 2), currentSchema)
    expect(E.isLeft(decoded) && decoded.left.reason).toMatch(/data\.purpose/)
    expect(GrantAccess.is({ type: 'GrantAccess', data: { ...withoutPurpose, purpose: 'Support ticket 4711' } })).toBe(false)
  })
})
