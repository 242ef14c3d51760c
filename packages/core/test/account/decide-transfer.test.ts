import { describe, it } from 'vitest'
import { accountDecider, type AccountEvent } from '@account-ownership/core'
import { spec, testPolicy } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, hanna, opened, orphaned, ownedByHanna, sven, transfer1, transferRequested } from './history.js'

const account = spec(accountDecider)
const transferTo = (toOwnerId = felix, extra: { reasonCode?: string; keepsTeam?: boolean } = {}) =>
  ({ type: 'TransferOwnership', data: { accountId, transferId: transfer1, toOwnerId, reasonCode: 'hunter-to-farmer', ...extra } }) as never
const transferred = (by = hanna, toOwnerId = felix, keepsTeam = true): AccountEvent => ({
  type: 'OwnershipTransferred',
  data: { accountId, transferId: transfer1, fromOwnerId: hanna, toOwnerId, reasonCode: 'hunter-to-farmer', transferredBy: by, keepsTeam },
})

describe('TransferOwnership', () => {
  it('moves a standard account to the new owner at once, the team carrying over', () =>
    account.given(ownedByHanna('standard')).when(transferTo(felix), { actor: hanna }).then([transferred(hanna)]))

  it('leaves the team behind when asked to', () =>
    account.given(ownedByHanna('standard')).when(transferTo(felix, { keepsTeam: false }), { actor: hanna }).then([transferred(hanna, felix, false)]))

  it('asks for a second pair of eyes on a key account (four eyes)', () =>
    account.given(ownedByHanna('key')).when(transferTo(felix), { actor: hanna }).then([transferRequested(felix, hanna)]))

  it('follows the policy, not the tier alone: no four eyes where the policy turns them off', () =>
    account
      .given(ownedByHanna('key'))
      .when(transferTo(felix), { actor: hanna, policy: { ...testPolicy, fourEyes: { key: false, 'high-value': false, standard: false } } })
      .then([transferred(hanna)]))

  it('may be asked by an admin', () => account.given(ownedByHanna('standard')).when(transferTo(felix), { actor: dora }).then([transferred(dora)]))

  it('accepts the handover reason code even where the policy does not list it', () =>
    account
      .given(ownedByHanna('standard'))
      .when(transferTo(felix, { reasonCode: 'owner-offboarded' }), { actor: hanna, policy: { ...testPolicy, reasonCodes: ['territory-change'] } })
      .then([{ type: 'OwnershipTransferred', data: { accountId, transferId: transfer1, fromOwnerId: hanna, toOwnerId: felix, reasonCode: 'owner-offboarded', transferredBy: hanna, keepsTeam: true } }]))

  it('is refused for a team member or anyone else', () => account.given(ownedByHanna()).when(transferTo(sven), { actor: felix }).thenFails('NotAuthorizedError'))

  it('is refused when the account has no owner: assign one (invariant 1)', () => account.given([opened()]).when(transferTo()).thenFails('NoOwnerError'))

  it('is refused when the account is orphaned', () => account.given([...ownedByHanna(), orphaned()]).when(transferTo()).thenFails('NoOwnerError'))

  it('is refused when the new owner is the current one (invariant 3)', () =>
    account.given(ownedByHanna()).when(transferTo(hanna)).thenFails('SameOwnerError', 'data.toOwnerId'))

  it('is refused when the reason code is not in the policy (invariant 3)', () =>
    account.given(ownedByHanna()).when(transferTo(felix, { reasonCode: 'coffee-break' })).thenFails('UnknownReasonCodeError', 'data.reasonCode'))

  it('is refused while another transfer awaits its decision', () =>
    account
      .given([...ownedByHanna('key'), transferRequested(felix)])
      .when({ type: 'TransferOwnership', data: { accountId, transferId: 'transfer-2', toOwnerId: sven, reasonCode: 'hunter-to-farmer' } } as never)
      .thenFails('TransferAlreadyPendingError'))

  it('is refused when its transfer id was used before', () =>
    account.given([...ownedByHanna('key'), transferRequested(felix)]).when(transferTo(sven)).thenFails('TransferAlreadyExistsError', 'data.transferId'))

  it('is refused on an archived account (invariant 2)', () => account.given([...ownedByHanna(), archived()]).when(transferTo()).thenFails('AccountArchivedError'))
})

describe('ApproveTransfer', () => {
  const approve = (transferId = transfer1) => ({ type: 'ApproveTransfer', data: { accountId, transferId } }) as const
  const pending = [...ownedByHanna('key'), transferRequested(felix, hanna)]

  it('moves the account once someone other than requester and new owner approves', () =>
    account
      .given(pending)
      .when(approve(), { actor: dora })
      .then([{ type: 'OwnershipTransferApproved', data: { accountId, transferId: transfer1, approvedBy: dora } }, transferred(dora)]))

  it('may be approved by the owner when an admin asked for the transfer', () =>
    account
      .given([...ownedByHanna('key'), transferRequested(felix, dora)])
      .when(approve(), { actor: hanna })
      .then([{ type: 'OwnershipTransferApproved', data: { accountId, transferId: transfer1, approvedBy: hanna } }, transferred(hanna)]))

  it('is refused for the requester (invariant 4)', () => account.given(pending).when(approve(), { actor: hanna }).thenFails('FourEyesViolationError'))

  it('is refused for the new owner, even an admin (invariant 4)', () =>
    account.given([...ownedByHanna('key'), transferRequested(dora, hanna)]).when(approve(), { actor: dora }).thenFails('FourEyesViolationError'))

  it('is refused for anyone but the owner or an admin', () => account.given(pending).when(approve(), { actor: sven }).thenFails('NotAuthorizedError'))

  it('is refused when no transfer awaits a decision', () => account.given(ownedByHanna('key')).when(approve()).thenFails('TransferNotPendingError', 'data.transferId'))

  it('is refused when it names another transfer than the pending one', () =>
    account.given(pending).when(approve('transfer-2' as never)).thenFails('TransferNotPendingError', 'data.transferId'))

  it('is refused once the transfer was rejected', () =>
    account
      .given([...pending, { type: 'OwnershipTransferRejected', data: { accountId, transferId: transfer1, rejectedBy: dora, reason: 'no' } }])
      .when(approve())
      .thenFails('TransferNotPendingError'))
})

describe('RejectTransfer', () => {
  const reject = (transferId = transfer1) => ({ type: 'RejectTransfer', data: { accountId, transferId, reason: 'Felix is at capacity' } }) as const
  const pending = [...ownedByHanna('key'), transferRequested(felix, hanna)]

  it('turns a pending transfer down; the owner stays', () =>
    account
      .given(pending)
      .when(reject(), { actor: dora })
      .then([{ type: 'OwnershipTransferRejected', data: { accountId, transferId: transfer1, reason: 'Felix is at capacity', rejectedBy: dora } }]))

  it('is refused for anyone but the owner or an admin', () => account.given(pending).when(reject(), { actor: felix }).thenFails('NotAuthorizedError'))

  it('is refused when no such transfer awaits a decision', () => account.given(pending).when(reject('transfer-2' as never)).thenFails('TransferNotPendingError', 'data.transferId'))

  it('is refused on an archived account', () => account.given([...pending, archived()]).when(reject()).thenFails('AccountArchivedError'))
})
