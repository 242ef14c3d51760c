import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { spec, tenant } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, hanna, opened, ownedByHanna, transfer1, transferRequested } from './history.js'

const account = spec(accountDecider)

describe('OpenAccount', () => {
  const open = { type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: 'ACME Maschinenbau GmbH', tier: 'key' } } as const

  it('opens a new account, recording who opened it', () =>
    account.given([]).when(open, { actor: hanna }).then([{ type: 'AccountOpened', data: { ...open.data, openedBy: hanna } }]))

  it('is refused when the account is open already', () => account.given([opened()]).when(open).thenFails('AccountAlreadyOpenedError', 'data.accountId'))

  it('is refused when the account is archived (invariant 2)', () => account.given([opened(), archived()]).when(open).thenFails('AccountArchivedError'))
})

describe('ArchiveAccount', () => {
  const archive = { type: 'ArchiveAccount', data: { accountId, reason: 'churned' } } as const

  it('archives the account when its owner asks', () =>
    account.given(ownedByHanna()).when(archive, { actor: hanna }).then([{ type: 'AccountArchived', data: { accountId, reason: 'churned', archivedBy: hanna } }]))

  it('archives the account when an admin asks', () =>
    account.given(ownedByHanna()).when(archive, { actor: dora }).then([{ type: 'AccountArchived', data: { accountId, reason: 'churned', archivedBy: dora } }]))

  it('is refused for anyone else', () => account.given(ownedByHanna()).when(archive, { actor: felix }).thenFails('NotAuthorizedError'))

  it('rejects a transfer still awaiting its decision, so that no request stays open forever', () =>
    account
      .given([...ownedByHanna(), transferRequested(felix)])
      .when(archive, { actor: dora })
      .then([
        { type: 'OwnershipTransferRejected', data: { accountId, transferId: transfer1, rejectedBy: dora, reason: 'the account was archived' } },
        { type: 'AccountArchived', data: { accountId, reason: 'churned', archivedBy: dora } },
      ]))

  it('is refused before the account is opened', () => account.given([]).when(archive).thenFails('AccountNotOpenedError', 'data.accountId'))

  it('is refused when it names another account than the stream holds', () =>
    account.given(ownedByHanna()).when({ ...archive, data: { ...archive.data, accountId: 'kunde-2' as never } }).thenFails('AccountMismatchError', 'data.accountId'))

  it('is refused when the account is archived already', () => account.given([...ownedByHanna(), archived()]).when(archive).thenFails('AccountArchivedError'))
})

describe('RestoreAccount', () => {
  const restore = { type: 'RestoreAccount', data: { accountId } } as const

  it('brings an archived account back when an admin asks', () =>
    account.given([...ownedByHanna(), archived()]).when(restore, { actor: dora }).then([{ type: 'AccountRestored', data: { accountId, restoredBy: dora } }]))

  it('is refused for the owner, who is no admin', () => account.given([...ownedByHanna(), archived()]).when(restore, { actor: hanna }).thenFails('NotAuthorizedError'))

  it('is refused when the account is not archived', () => account.given(ownedByHanna()).when(restore).thenFails('AccountNotArchivedError'))

  it('is refused before the account is opened', () => account.given([]).when(restore).thenFails('AccountNotOpenedError', 'data.accountId'))
})
