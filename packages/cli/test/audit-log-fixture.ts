// A small but complete history in a real SQLite log, written through the command handlers the
// way an application would: a key account handed from hunter to farmer (four eyes), a grant for
// support, a team member, an archive and a restore; a second account orphaned when its owner
// left; a third that was never assigned. Business times are fixed, so answers are exact.
import { accountCommandHandler, defaultPolicy, principalCommandHandler, type AccountCommandInput, type EventStore, type Instant, type PrincipalCommandInput } from '@account-ownership/core'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'

export const fixtureTimes = {
  opened: '2025-01-06T09:00:00.000Z',
  granted: '2025-01-20T09:00:00.000Z',
  transferApproved: '2025-02-03T09:00:00.000Z',
  grantExpires: '2025-03-01T00:00:00.000Z',
  offboarded: '2025-04-01T09:00:00.000Z',
  archived: '2025-06-02T09:00:00.000Z',
  restored: '2025-07-01T09:00:00.000Z',
} as const

/** Write the fixture history into a new SQLite log at `path`; answers the number of events. */
export const writeAuditLog = async (path: string): Promise<number> => {
  const opened = openSqliteEventStore({ path })
  if (E.isLeft(opened)) throw opened.left
  const events = await writeAuditHistory(opened.right)
  await opened.right.close()
  return events
}

/** Write the fixture history into an empty store (left open); answers the number of events. */
export const writeAuditHistory = async (store: EventStore): Promise<number> => {
  let now = fixtureTimes.opened as string
  const clock = () => now as Instant
  const policy = { ...defaultPolicy, admins: ['dora'] } as typeof defaultPolicy
  const accounts = accountCommandHandler({ store, policy, clock })
  const principals = principalCommandHandler({ store, policy, clock })
  let step = 0
  const send = async (at: string, actor: string, command: AccountCommandInput) => {
    now = at
    const result = await accounts.handle(command, { commandId: `fixture-${++step}`, actor, tenantId: 'acme-de' })
    if (E.isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`)
  }
  const offboard = async (at: string, command: PrincipalCommandInput) => {
    now = at
    const result = await principals.handle(command, { commandId: `fixture-${++step}`, actor: 'dora', tenantId: 'acme-de' })
    if (E.isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`)
  }
  const t = fixtureTimes
  await send(t.opened, 'dora', { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Müller Maschinenbau GmbH', tier: 'key' } })
  await send(t.opened, 'dora', { type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'hanna' } })
  await send(t.opened, 'dora', { type: 'OpenAccount', data: { accountId: 'kunde-2', tenantId: 'acme-de', displayName: 'Schmidt AG', tier: 'standard' } })
  await send(t.opened, 'dora', { type: 'AssignOwner', data: { accountId: 'kunde-2', ownerId: 'otto' } })
  await send(t.opened, 'dora', { type: 'OpenAccount', data: { accountId: 'kunde-3', tenantId: 'acme-de', displayName: 'Weber KG', tier: 'standard' } })
  await send(t.granted, 'hanna', {
    type: 'GrantAccess',
    data: { accountId: 'kunde-1', grantId: 'grant-1', granteeId: 'sven', scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: t.grantExpires },
  })
  await send(t.granted, 'hanna', { type: 'AddTeamMember', data: { accountId: 'kunde-1', principalId: 'petra', role: 'finance' } })
  await send(t.granted, 'hanna', { type: 'TransferOwnership', data: { accountId: 'kunde-1', transferId: 'transfer-1', toOwnerId: 'felix', reasonCode: 'hunter-to-farmer' } })
  await send(t.transferApproved, 'dora', { type: 'ApproveTransfer', data: { accountId: 'kunde-1', transferId: 'transfer-1' } })
  await offboard(t.offboarded, { type: 'OffboardPrincipal', data: { principalId: 'otto', successorId: null, reason: 'left the company' } })
  await send(t.offboarded, 'dora', { type: 'OrphanAccount', data: { accountId: 'kunde-2', reason: 'owner-offboarded' } })
  await send(t.archived, 'felix', { type: 'ArchiveAccount', data: { accountId: 'kunde-1', reason: 'churned' } })
  await send(t.restored, 'dora', { type: 'RestoreAccount', data: { accountId: 'kunde-1' } })
  const head = await store.headPosition()
  if (E.isLeft(head)) throw head.left
  return Number(head.right)
}
