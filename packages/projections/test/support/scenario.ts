// One small, hand-written history that the read-model feature tests ask questions about:
// four accounts, a four-eyes transfer, a grant that expires, one without expiry, a grant
// scheduled to start two days after it was given whose expiry is recorded, an orphaned account
// that gets a new owner, one that stays orphaned, and an archived account.
import { accountCommandHandler, inMemoryEventStore, plusMillis, type EventStore, type Instant } from '@account-ownership/core'
import { cast, epoch, tenant, testPolicy } from '@account-ownership/core/testing'

export const hour = 3600 * 1000
export const day = 24 * hour
export const at = (ms: number): Instant => plusMillis(epoch, ms)

export const scenario = async (): Promise<EventStore> => {
  const store = inMemoryEventStore()
  const accounts = accountCommandHandler({ store, policy: { ...testPolicy, maxGrantDays: null } })
  let n = 0
  const step = async (ms: number, actor: string, command: unknown): Promise<void> => {
    const result = await accounts.handle(command as never, { commandId: `scenario-${++n}`, actor, tenantId: tenant, occurredAt: at(ms) })
    if (result._tag === 'Left') throw new Error(`scenario step ${n} refused: ${result.left.message}`)
  }
  const open = (ms: number, accountId: string, tier: string) => step(ms, cast.dora, { type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: `${accountId} GmbH`, tier } })
  const assign = (ms: number, accountId: string, ownerId: string) => step(ms, cast.dora, { type: 'AssignOwner', data: { accountId, ownerId } })
  await open(0, 'kunde-1', 'key')
  await assign(hour, 'kunde-1', cast.hanna)
  await step(2 * hour, cast.hanna, {
    type: 'GrantAccess',
    data: { accountId: 'kunde-1', grantId: 'grant-1', granteeId: cast.sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt: at(2 * hour + 7 * day) },
  })
  await step(day, cast.hanna, { type: 'TransferOwnership', data: { accountId: 'kunde-1', transferId: 'transfer-1', toOwnerId: cast.felix, reasonCode: 'hunter-to-farmer' } })
  await step(3 * day, cast.dora, { type: 'ApproveTransfer', data: { accountId: 'kunde-1', transferId: 'transfer-1' } })
  await open(0, 'kunde-2', 'standard')
  await assign(hour, 'kunde-2', cast.hanna)
  await step(4 * day, cast.dora, { type: 'OrphanAccount', data: { accountId: 'kunde-2', reason: 'owner-removed' } })
  await assign(6 * day, 'kunde-2', cast.felix)
  await step(6 * day, cast.dora, {
    type: 'GrantAccess',
    data: { accountId: 'kunde-2', grantId: 'grant-2', granteeId: cast.ada, scope: 'read', purpose: 'audit', purposeNote: 'Annual audit', legalBasis: 'art6-1-c-legal-obligation', expiresAt: null },
  })
  await step(6 * day, cast.dora, {
    type: 'GrantAccess',
    data: { accountId: 'kunde-2', grantId: 'grant-3', granteeId: cast.hanna, scope: 'read', purpose: 'account-handover', purposeNote: 'Handover notes', legalBasis: 'art6-1-f-legitimate-interests', validFrom: at(8 * day), expiresAt: at(10 * day) },
  })
  await step(11 * day, cast.dora, { type: 'RecordAccessExpiry', data: { accountId: 'kunde-2', grantId: 'grant-3' } })
  await open(0, 'kunde-3', 'standard')
  await assign(hour, 'kunde-3', cast.hanna)
  await step(5 * day, cast.dora, { type: 'ArchiveAccount', data: { accountId: 'kunde-3', reason: 'churned' } })
  await open(0, 'kunde-4', 'standard')
  await assign(hour, 'kunde-4', cast.hanna)
  await step(4 * day, cast.dora, { type: 'OrphanAccount', data: { accountId: 'kunde-4', reason: 'owner-offboarded' } })
  return store
}
