import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, hanna, joined, ownedByHanna, sven } from './history.js'

const account = spec(accountDecider)

describe('AddTeamMember', () => {
  const add = (principalId = felix) => ({ type: 'AddTeamMember', data: { accountId, principalId, role: 'customer-success' } }) as const

  it('adds a principal to the team in a role', () =>
    account.given(ownedByHanna()).when(add(felix), { actor: hanna }).then([{ type: 'TeamMemberAdded', data: { accountId, principalId: felix, role: 'customer-success', addedBy: hanna } }]))

  it('may be done by an admin', () =>
    account.given(ownedByHanna()).when(add(felix), { actor: dora }).then([{ type: 'TeamMemberAdded', data: { accountId, principalId: felix, role: 'customer-success', addedBy: dora } }]))

  it('is refused when the principal is in the team already', () => account.given([...ownedByHanna(), joined(felix)]).when(add(felix)).thenFails('AlreadyTeamMemberError', 'data.principalId'))

  it('is refused for a team member, who is not the owner', () => account.given([...ownedByHanna(), joined(felix)]).when(add(sven), { actor: felix }).thenFails('NotAuthorizedError'))

  it('is refused on an archived account', () => account.given([...ownedByHanna(), archived()]).when(add()).thenFails('AccountArchivedError'))
})

describe('RemoveTeamMember', () => {
  const remove = (principalId = felix) => ({ type: 'RemoveTeamMember', data: { accountId, principalId } }) as const

  it('takes a principal out of the team', () =>
    account.given([...ownedByHanna(), joined(felix)]).when(remove(felix), { actor: hanna }).then([{ type: 'TeamMemberRemoved', data: { accountId, principalId: felix, removedBy: hanna } }]))

  it('is refused when the principal is not in the team', () => account.given(ownedByHanna()).when(remove(sven)).thenFails('NotTeamMemberError', 'data.principalId'))

  it('is refused for anyone but the owner or an admin', () => account.given([...ownedByHanna(), joined(felix)]).when(remove(felix), { actor: sven }).thenFails('NotAuthorizedError'))
})

describe('team members whose ids are names of Object.prototype', () => {
  const member = 'constructor' as typeof felix
  it('adds them', () =>
    account
      .given(ownedByHanna())
      .when({ type: 'AddTeamMember', data: { accountId, principalId: member, role: 'customer-success' } }, { actor: hanna })
      .then([{ type: 'TeamMemberAdded', data: { accountId, principalId: member, role: 'customer-success', addedBy: hanna } }]))

  it('does not remove one who is not in the team', () =>
    account.given(ownedByHanna()).when({ type: 'RemoveTeamMember', data: { accountId, principalId: 'toString' as typeof felix } }).thenFails('NotTeamMemberError', 'data.principalId'))
})
