import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, grant1, granted, hanna, inDays, joined, offboarded, ownedByHanna, opened, sven, transfer1, transferRequested } from './history.js'

const account = spec(accountDecider)
const restore = { type: 'RestoreAccount', data: { accountId } } as const

describe('an offboarded principal never comes back (invariant 10)', () => {
  describe('nobody who left is made owner, approved as new owner, added to a team or granted access', () => {
    it('AssignOwner', () =>
      account.given([opened()]).when({ type: 'AssignOwner', data: { accountId, ownerId: sven } }, offboarded([sven, null])).thenFails('PrincipalOffboardedError', 'data.ownerId'))

    it('TransferOwnership', () =>
      account
        .given(ownedByHanna('standard'))
        .when({ type: 'TransferOwnership', data: { accountId, transferId: transfer1, toOwnerId: sven, reasonCode: 'territory-change' } }, offboarded([sven, null]))
        .thenFails('PrincipalOffboardedError', 'data.toOwnerId'))

    it('ApproveTransfer of a transfer to them', () =>
      account
        .given([...ownedByHanna(), transferRequested(sven)])
        .when({ type: 'ApproveTransfer', data: { accountId, transferId: transfer1 } }, offboarded([sven, null]))
        .thenFails('PrincipalOffboardedError', 'data.transferId'))

    it('AddTeamMember', () =>
      account
        .given(ownedByHanna())
        .when({ type: 'AddTeamMember', data: { accountId, principalId: sven, role: 'sales' } }, offboarded([sven, null]))
        .thenFails('PrincipalOffboardedError', 'data.principalId'))

    it('GrantAccess', () =>
      account
        .given(ownedByHanna())
        .when(
          { type: 'GrantAccess', data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: inDays(7) } },
          offboarded([sven, null]),
        )
        .thenFails('PrincipalOffboardedError', 'data.granteeId'))

    it('while everyone else still may be', () =>
      account.given([opened()]).when({ type: 'AssignOwner', data: { accountId, ownerId: felix } }, offboarded([sven, null])).then([
        { type: 'OwnershipAssigned', data: { accountId, ownerId: felix, assignedBy: dora } },
      ]))
  })

  describe('restoring an archived account hands over, in the same decision, whoever left while it was archived', () => {
    it('the owner goes to the successor of their offboarding', () =>
      account
        .given([...ownedByHanna(), archived()])
        .when(restore, offboarded([hanna, felix]))
        .then([
          { type: 'AccountRestored', data: { accountId, restoredBy: dora } },
          { type: 'OwnershipTransferred', data: { accountId, fromOwnerId: hanna, toOwnerId: felix, reasonCode: 'owner-offboarded', transferredBy: dora, keepsTeam: true } },
        ]))

    it('the account is orphaned when the owner left without successor; team members leave and grants are revoked', () =>
      account
        .given([...ownedByHanna(), joined(felix), granted(sven), archived()])
        .when(restore, offboarded([hanna, null], [felix, null], [sven, null]))
        .then([
          { type: 'AccountRestored', data: { accountId, restoredBy: dora } },
          { type: 'AccountOrphaned', data: { accountId, previousOwnerId: hanna, reason: 'owner-offboarded' } },
          { type: 'TeamMemberRemoved', data: { accountId, principalId: felix, removedBy: dora } },
          { type: 'AccessRevoked', data: { accountId, grantId: grant1, revokedBy: dora, reason: 'grantee-offboarded' } },
        ]))

    it('a successor who left too is followed to their own successor', () =>
      account
        .given([...ownedByHanna(), archived()])
        .when(restore, offboarded([hanna, felix], [felix, sven]))
        .then([
          { type: 'AccountRestored', data: { accountId, restoredBy: dora } },
          { type: 'OwnershipTransferred', data: { accountId, fromOwnerId: hanna, toOwnerId: sven, reasonCode: 'owner-offboarded', transferredBy: dora, keepsTeam: true } },
        ]))

    it('nobody left: the restore alone', () =>
      account.given([...ownedByHanna(), archived()]).when(restore).then([{ type: 'AccountRestored', data: { accountId, restoredBy: dora } }]))
  })
})
