import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec } from '@account-ownership/core/testing'
import { accountId, archived, felix, hanna, mapped, ownedByHanna } from './history.js'

const account = spec(accountDecider)
const contact = 'contact-1' as never

describe('MapStakeholder', () => {
  const map = { type: 'MapStakeholder', data: { accountId, stakeholderId: contact, role: 'decision-maker', name: 'Dr. Erika Muster', email: 'e.muster@acme.example' } } as const

  it('puts a contact person on the account map', () =>
    account.given(ownedByHanna()).when(map, { actor: hanna }).then([{ type: 'StakeholderMapped', data: { ...map.data, mappedBy: hanna } }]))

  it('is refused when the contact is on the map already', () => account.given([...ownedByHanna(), mapped()]).when(map).thenFails('StakeholderAlreadyMappedError', 'data.stakeholderId'))

  it('is refused for anyone but the owner or an admin', () => account.given(ownedByHanna()).when(map, { actor: felix }).thenFails('NotAuthorizedError'))

  it('is refused on an archived account', () => account.given([...ownedByHanna(), archived()]).when(map).thenFails('AccountArchivedError'))
})

describe('RemoveStakeholder', () => {
  const remove = { type: 'RemoveStakeholder', data: { accountId, stakeholderId: contact } } as const

  it('takes a contact person off the account map', () =>
    account.given([...ownedByHanna(), mapped()]).when(remove, { actor: hanna }).then([{ type: 'StakeholderRemoved', data: { accountId, stakeholderId: contact, removedBy: hanna } }]))

  it('is refused when the contact is not on the map', () => account.given(ownedByHanna()).when(remove).thenFails('StakeholderNotMappedError', 'data.stakeholderId'))

  it('is refused for anyone but the owner or an admin', () => account.given([...ownedByHanna(), mapped()]).when(remove, { actor: felix }).thenFails('NotAuthorizedError'))
})
