import { AssertionError } from 'node:assert'
import { describe, expect, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { account, cast, spec, tenant } from '@account-ownership/core/testing'

const accountId = account()
const opened = { type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName: 'ACME', tier: 'standard', openedBy: cast.dora } } as const
const assign = { type: 'AssignOwner', data: { accountId, ownerId: cast.hanna } } as const
const assigned = { type: 'OwnershipAssigned', data: { accountId, ownerId: cast.hanna, assignedBy: cast.dora } } as const
const given = spec(accountDecider).given([opened])

const failure = (f: () => unknown): AssertionError => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(AssertionError)
    return e as AssertionError
  }
  throw new Error('expected the spec to fail')
}

describe('given/when/then of the test kit', () => {
  it('then: fails with the refusal when the command was refused', () => {
    const e = failure(() => given.when(assign, { actor: cast.felix }).then([assigned]))
    expect(e.message).toMatch(/expected .*AssignOwner.* by felix to lead to .*OwnershipAssigned.*, but it was refused with NotAuthorizedError/s)
  })

  it('then: fails with a diff when other events followed', () => {
    const e = failure(() => given.when(assign).then([{ ...assigned, data: { ...assigned.data, assignedBy: cast.hanna } }]))
    expect(e.message).toMatch(/led to others/)
    expect(e.actual).toEqual([assigned])
  })

  it('thenFails: fails when the command was accepted, showing the events', () => {
    const e = failure(() => given.when(assign).thenFails('NotAuthorizedError'))
    expect(e.message).toMatch(/to be refused with NotAuthorizedError, but it led to .*OwnershipAssigned/s)
  })

  it('thenFails: fails on another tag or another field, and returns the error when all match', () => {
    expect(failure(() => given.when(assign, { actor: cast.felix }).thenFails('OwnerAlreadyAssignedError')).message).toMatch(/refused with NotAuthorizedError/)
    expect(failure(() => spec(accountDecider).given([opened, assigned]).when(assign).thenFails('OwnerAlreadyAssignedError', 'data.accountId')).message).toMatch(
      /to blame the field data\.accountId, but it was refused with OwnerAlreadyAssignedError \(field data\.ownerId\)/,
    )
    expect(spec(accountDecider).given([opened, assigned]).when(assign).thenFails('OwnerAlreadyAssignedError', 'data.ownerId')).toMatchObject({ code: 'owner-already-assigned' })
  })

  it('thenNothing: fails when events followed or the command was refused', () => {
    expect(failure(() => given.when(assign).thenNothing()).message).toMatch(/to change nothing, but it led to/)
    expect(failure(() => given.when(assign, { actor: cast.felix }).thenNothing()).message).toMatch(/to change nothing, but it was refused/)
  })
})
