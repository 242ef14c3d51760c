import { idAlphabet, maxIdLength } from '@account-ownership/core'
import { accountSubject, parseSubject, principalSubject, stakeholderSubject, subjectOf } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const validId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
const invalidId = fc.oneof(
  fc.constant(''),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !idAlphabet.test(s)),
  fc.constantFrom('erika@muster.de', 'Erika Mustermann', ' erika', 'x'.repeat(maxIdLength + 1), 'y'.repeat(10_000)),
)

describe('subject ids from plain strings', () => {
  it('builds the subject of any valid stakeholder or principal id, and parses back to it', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(stakeholderSubject(id)).toEqual(E.right(`stakeholder:${id}`))
        expect(principalSubject(id)).toEqual(E.right(`principal:${id}`))
        expect(accountSubject(id)).toEqual(E.right(`account:${id}`))
        expect(parseSubject(`stakeholder:${id}`)).toEqual({ kind: 'stakeholder', id })
      }),
    )
  })

  it('answers a bad id with a typed error naming the field, never repeating the value', () => {
    fc.assert(
      fc.property(invalidId, (id) => {
        for (const [made, field] of [[stakeholderSubject(id), 'stakeholderId'], [principalSubject(id), 'principalId'], [accountSubject(id), 'accountId'], [subjectOf('stakeholder', id), 'id']] as const) {
          if (E.isRight(made)) throw new Error(`accepted a bad ${field}`)
          expect(made.left._tag).toBe('InvalidStoreInputError')
          expect(made.left.field).toBe(field)
          // From six characters on: a shorter id (" to") may be a word of the message's own wording.
          if (id.length > 5) expect(made.left.message).not.toContain(id)
        }
      }),
    )
  })

  it('answers a value that is no string, or an unknown kind, with a typed error too', () => {
    expect(E.isLeft(stakeholderSubject(null as never)) && stakeholderSubject(null as never)).toMatchObject({ left: { field: 'stakeholderId' } })
    expect(subjectOf('customer' as never, 'x')).toMatchObject({ left: { _tag: 'InvalidStoreInputError', field: 'kind' } })
    expect(subjectOf('toString' as never, 'x')).toMatchObject({ left: { _tag: 'InvalidStoreInputError', field: 'kind' } })
  })

  it("parses the subjects an Art. 15 report answers, a sole trader's account among them, and nothing else", () => {
    expect(parseSubject('account:kunde-1')).toEqual({ kind: 'account', id: 'kunde-1' })
    expect(parseSubject('principal:sven')).toEqual({ kind: 'principal', id: 'sven' })
    for (const other of ['kunde-1', 'customer:kunde-1', 'principal:', ':sven', 'toString:x', '__proto__:x']) expect(parseSubject(other)).toBeUndefined()
  })
})
