import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { AccountCommand, firstProblem, Policy } from '@account-ownership/core'

const problemOf = (codec: t.Mixed, u: unknown, root?: string) => {
  const decoded = codec.decode(u)
  if (decoded._tag === 'Right') throw new Error('expected a failure')
  return firstProblem(decoded.left, root)
}

describe('firstProblem: field paths', () => {
  it('names a nested field by its path, looking through readonly, exact, intersections and unions', () =>
    expect(problemOf(Policy, { fourEyes: { key: true, 'high-value': 'yes', standard: false }, maxGrantDays: 90, reasonCodes: [], admins: [] }).field).toBe('fourEyes.high-value'))

  it('names an array element by its index', () =>
    expect(problemOf(Policy, { fourEyes: { key: true, 'high-value': true, standard: false }, maxGrantDays: 90, reasonCodes: ['ok', 'Not OK'], admins: [] }).field).toBe('reasonCodes[1]'))

  it('puts the path under a root', () => expect(problemOf(t.type({ commandId: t.string }), {}, 'context').field).toBe('context.commandId'))

  it('names the whole input when it is to blame', () => expect(problemOf(t.string, 42).field).toBe('(input)'))

  it('says what was expected and what it got', () =>
    expect(problemOf(t.type({ maxGrantDays: t.number }), { maxGrantDays: 'ninety' }).message).toBe('expected a number, got a string of 6 characters'))

  it('puts "an" before a name that starts with a vowel', () => {
    expect(problemOf(t.type({ actor: t.type({ principalId: t.string }, 'Actor') }), { actor: 'dora' }).message).toBe('expected an Actor, got a string of 4 characters')
    expect(problemOf(t.type({ id: t.string }, 'UUID'), 7).message).toBe('expected a UUID, got an integer')
  })

  it('names the data field of a command within the union of commands', () =>
    expect(problemOf(AccountCommand, { type: 'RevokeAccess', data: { accountId: 'k', grantId: '', reason: 'access-review' } }).field).toBe('data.grantId'))
})

describe('personal data in problems', () => {
  it('names a bad personal field but never repeats its value', async () => {
    const { decodeAccountCommand } = await import('@account-ownership/core')
    const tooLong = 'Erika Mustermann '.repeat(40)
    const result = decodeAccountCommand({ type: 'MapStakeholder', data: { accountId: 'kunde-1', stakeholderId: 'c-1', role: 'champion', name: tooLong, email: 'erika@example' } })
    expect(result).toMatchObject({ _tag: 'Left', left: { field: 'data.name' } })
    expect(JSON.stringify(result)).not.toContain('Erika')
    const badMail = decodeAccountCommand({ type: 'MapStakeholder', data: { accountId: 'kunde-1', stakeholderId: 'c-1', role: 'champion', name: 'Erika', email: 'erika at example' } })
    expect(badMail).toMatchObject({ _tag: 'Left', left: { field: 'data.email' } })
    expect(JSON.stringify(badMail)).not.toContain('erika at example')
  })
})
