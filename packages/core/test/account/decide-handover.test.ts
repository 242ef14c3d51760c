import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, grant1, granted, hanna, joined, offboarded, ownedByHanna, revoked, sven, transfer1, transferRequested } from './history.js'

const account = spec(accountDecider)
const handOver = (offboardedId = hanna, successorId: typeof hanna | null = felix) => ({ type: 'HandOverAccount', data: { accountId, offboardedId, successorId } }) as const

describe('HandOverAccount', () => {
  it("moves the offboarded owner's account to the successor, the team carrying over", () =>
    account
      .given(ownedByHanna())
      .when(handOver(hanna, felix))
      .then([{ type: 'OwnershipTransferred', data: { accountId, fromOwnerId: hanna, toOwnerId: felix, reasonCode: 'owner-offboarded', transferredBy: dora, keepsTeam: true } }]))

  it('orphans the account when there is no successor', () =>
    account.given(ownedByHanna()).when(handOver(hanna, null)).then([{ type: 'AccountOrphaned', data: { accountId, previousOwnerId: hanna, reason: 'owner-offboarded' } }]))

  it("rejects a transfer pending to the offboarded principal", () =>
    account
      .given([...ownedByHanna(), transferRequested(felix)])
      .when(handOver(felix, null))
      .then([{ type: 'OwnershipTransferRejected', data: { accountId, transferId: transfer1, rejectedBy: dora, reason: 'the new owner was offboarded' } }]))

  it("rejects a transfer the offboarded owner asked for, before the account moves on", () =>
    account
      .given([...ownedByHanna(), transferRequested(sven)])
      .when(handOver(hanna, felix))
      .then([
        { type: 'OwnershipTransferRejected', data: { accountId, transferId: transfer1, rejectedBy: dora, reason: 'the owner was offboarded' } },
        { type: 'OwnershipTransferred', data: { accountId, fromOwnerId: hanna, toOwnerId: felix, reasonCode: 'owner-offboarded', transferredBy: dora, keepsTeam: true } },
      ]))

  it("revokes the offboarded principal's active grants and takes them out of the team", () =>
    account
      .given([...ownedByHanna(), granted(felix), joined(felix)])
      .when(handOver(felix, null))
      .then([
        { type: 'AccessRevoked', data: { accountId, grantId: grant1, revokedBy: dora, reason: 'grantee-offboarded' } },
        { type: 'TeamMemberRemoved', data: { accountId, principalId: felix, removedBy: dora } },
      ]))

  it('leaves revoked grants alone', () => account.given([...ownedByHanna(), granted(sven), revoked()]).when(handOver(sven, null)).thenNothing())

  it('changes nothing on an account the principal is not part of', () => account.given(ownedByHanna()).when(handOver(sven, felix)).thenNothing())

  it('is refused when the successor is the offboarded principal', () =>
    account.given(ownedByHanna()).when(handOver(hanna, hanna)).thenFails('SameOwnerError', 'data.successorId'))

  it('is refused for anyone but an admin', () => account.given(ownedByHanna()).when(handOver(), { actor: hanna }).thenFails('NotAuthorizedError'))

  it('hands over an archived account too, which stays archived (invariant 10; the one exception to invariant 2 besides a restore)', () =>
    account
      .given([...ownedByHanna(), joined(sven), archived()])
      .when(handOver(sven, null))
      .then([{ type: 'TeamMemberRemoved', data: { accountId, principalId: sven, removedBy: dora } }]))

  it('follows a successor who left too to their own successor', () =>
    account
      .given(ownedByHanna())
      .when(handOver(hanna, felix), offboarded([felix, sven]))
      .then([{ type: 'OwnershipTransferred', data: { accountId, fromOwnerId: hanna, toOwnerId: sven, reasonCode: 'owner-offboarded', transferredBy: dora, keepsTeam: true } }]))

  it('orphans the account when every successor down the chain left too', () =>
    account
      .given(ownedByHanna())
      .when(handOver(hanna, felix), offboarded([felix, hanna], [hanna, felix]))
      .then([{ type: 'AccountOrphaned', data: { accountId, previousOwnerId: hanna, reason: 'owner-offboarded' } }]))
})
