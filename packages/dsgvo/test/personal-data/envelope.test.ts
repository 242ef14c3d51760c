import { SubjectId } from '@account-ownership/core'
import { open, parseEnvelope, seal, type SubjectKey } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'

const key: SubjectKey = { subjectId: 'stakeholder:s-1' as SubjectId, version: 1, key: randomBytes(32) }
const place = { eventId: 'evt-1', field: 'name' }

describe('the envelope of a personal value', () => {
  it('opens to the plaintext with its key, in its place', () => {
    const sealed = seal(key, 'Erika Mustermann', place)
    expect(sealed.startsWith('pd1~stakeholder:s-1~1~')).toBe(true)
    expect(sealed).not.toContain('Erika')
    expect(open(key, parseEnvelope(sealed)!, place)).toEqual(E.right('Erika Mustermann'))
  })

  it('uses a fresh IV for every value', () => {
    expect(seal(key, 'Erika', place)).not.toEqual(seal(key, 'Erika', place))
  })

  it('does not open when moved to another event or field', () => {
    const envelope = parseEnvelope(seal(key, 'erika@example.de', place))!
    expect(E.isLeft(open(key, envelope, { ...place, eventId: 'evt-2' }))).toBe(true)
    expect(E.isLeft(open(key, envelope, { ...place, field: 'email' }))).toBe(true)
  })

  it('does not open with another key or after any byte of it changed', () => {
    const sealed = seal(key, 'Erika', place)
    const envelope = parseEnvelope(sealed)!
    expect(E.isLeft(open({ ...key, key: randomBytes(32) }, envelope, place))).toBe(true)
    for (let i = 0; i < envelope.sealed.length; i++) {
      const altered = Buffer.from(envelope.sealed)
      altered[i] = altered[i]! ^ 0x01
      expect(E.isLeft(open(key, { ...envelope, sealed: altered }, place))).toBe(true)
    }
  })

  it('leaves plain text alone', () => {
    expect(parseEnvelope('Erika Mustermann')).toBeUndefined()
    expect(parseEnvelope('pd1~x~0~AAAA')).toBeUndefined()
  })
})
