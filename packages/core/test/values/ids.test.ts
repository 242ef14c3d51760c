import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AccountId, PrincipalId, StreamId, SubjectId, decodeAccountCommand, idAlphabet, maxIdLength } from '@account-ownership/core'

describe('ids', () => {
  it('take every id of the documented alphabet up to 128 characters', () =>
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/), (id) => {
      expect(AccountId.is(id)).toBe(true)
    })))

  it('refuse anything outside the alphabet', () =>
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/), fc.constantFrom(' ', '@', '/', 'ä', '\u0000', '🏭', '#', '+', '\n'), fc.nat(), (id, foreign, at) => {
        const s = id.slice(0, at % (id.length + 1)) + foreign + id.slice(at % (id.length + 1))
        expect(idAlphabet.test(s)).toBe(false)
        expect(PrincipalId.is(s)).toBe(false)
      }),
    ))

  it('refuse an id of 129 characters, and an account stream of one', () => {
    expect(AccountId.is('k'.repeat(maxIdLength))).toBe(true)
    expect(AccountId.is('k'.repeat(maxIdLength + 1))).toBe(false)
    expect(StreamId.is(`account-${'k'.repeat(maxIdLength)}`)).toBe(true)
    expect(SubjectId.is(`stakeholder:${'k'.repeat(maxIdLength)}`)).toBe(true)
  })

  it('refuse an e-mail address as an id, saying why', () => {
    const decoded = decodeAccountCommand({ type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'erika.mustermann@acme.example' } })
    expect(decoded).toMatchObject({ _tag: 'Left', left: { field: 'data.ownerId' } })
    const message = decoded._tag === 'Left' ? decoded.left.message : ''
    expect(message).toMatch(/without "@".*e-mail address in it could never be erased/)
    expect(message).not.toContain('erika')
    expect(StreamId.is('account-erika@acme.example')).toBe(false)
  })

  it('never repeat an id of 10,000 characters, nor a name given where an id was expected', () => {
    for (const ownerId of ['x'.repeat(10_000), 'Erika Mustermann']) {
      const decoded = decodeAccountCommand({ type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId } })
      const message = decoded._tag === 'Left' ? decoded.left.message : ''
      expect(message).toMatch(/^expected PrincipalId of 1 to 128 characters .*, got a string of \d+ characters$/)
      expect(message).not.toContain('xxxxxxxxxx')
      expect(message).not.toContain('Erika')
    }
  })
})
