import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, hanna, opened, orphaned, ownedByHanna, transfer1, transferRequested } from './history.js'

const account = spec(accountDecider)

describe('AssignOwner', () => {
  const assign = (ownerId = hanna) => ({ type: 'AssignOwner', data: { accountId, ownerId } }) as const

  it('gives a new account its first owner', () =>
    account.given([opened()]).when(assign(hanna), { actor: dora }).then([{ type: 'OwnershipAssigned', data: { accountId, ownerId: hanna, assignedBy: dora } }]))

  it('gives an orphaned account a new owner', () =>
    account.given([...ownedByHanna(), orphaned()]).when(assign(felix)).then([{ type: 'OwnershipAssigned', data: { accountId, ownerId: felix, assignedBy: dora } }]))

  it('is refused when the account has an owner: transfer it instead (invariant 1)', () =>
    account.given(ownedByHanna()).when(assign(felix)).thenFails('OwnerAlreadyAssignedError', 'data.ownerId'))

  it('is refused for anyone but an admin', () => account.given([opened()]).when(assign(hanna), { actor: hanna }).thenFails('NotAuthorizedError'))

  it('is refused on an archived account (invariant 2)', () => account.given([opened(), archived()]).when(assign()).thenFails('AccountArchivedError'))

  it('is refused before the account is opened', () => account.given([]).when(assign()).thenFails('AccountNotOpenedError'))
})

describe('OrphanAccount', () => {
  const orphan = { type: 'OrphanAccount', data: { accountId, reason: 'owner-removed' } } as const

  it('removes the owner without a successor', () =>
    account.given(ownedByHanna()).when(orphan).then([{ type: 'AccountOrphaned', data: { accountId, reason: 'owner-removed', previousOwnerId: hanna } }]))

  it('rejects a transfer still awaiting its decision', () =>
    account
      .given([...ownedByHanna(), transferRequested(felix)])
      .when(orphan)
      .then([
        { type: 'OwnershipTransferRejected', data: { accountId, transferId: transfer1, rejectedBy: dora, reason: 'the account was orphaned' } },
        { type: 'AccountOrphaned', data: { accountId, reason: 'owner-removed', previousOwnerId: hanna } },
      ]))

  it('is refused for the owner, who is no admin', () => account.given(ownedByHanna()).when(orphan, { actor: hanna }).thenFails('NotAuthorizedError'))

  it('is refused when the account has no owner yet', () => account.given([opened()]).when(orphan).thenFails('NoOwnerError'))

  it('is refused when the account is orphaned already', () => account.given([...ownedByHanna(), orphaned()]).when(orphan).thenFails('NoOwnerError'))

  it('is refused on an archived account', () => account.given([...ownedByHanna(), archived()]).when(orphan).thenFails('AccountArchivedError'))
})
