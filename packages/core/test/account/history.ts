/* The events of one account's history, by name, so that specs read like the story they tell.
   Hanna owns kunde-1, Dora is the admin, Felix is in the team, Sven gets support access. */
import { instantOf, offboardedAmong, plusMillis, type AccountEvent, type DecisionContext, type GrantId, type Instant, type PrincipalId, type Tier, type TransferId } from '@account-ownership/core'
import { account, cast, epoch, tenant } from '@account-ownership/core/testing'

export const accountId = account()
export const { dora, hanna, felix, sven, ada } = cast
export const days = (n: number): number => n * 24 * 3600 * 1000
export const inDays = (n: number, from: Instant = epoch): Instant => plusMillis(from, days(n))
export const grant1 = 'grant-1' as GrantId
export const transfer1 = 'transfer-1' as TransferId

export const opened = (tier: Tier = 'key'): AccountEvent => ({
  type: 'AccountOpened',
  data: { accountId, tenantId: tenant, displayName: 'ACME Maschinenbau GmbH', tier, openedBy: dora },
})
export const assigned = (ownerId: PrincipalId = hanna): AccountEvent => ({ type: 'OwnershipAssigned', data: { accountId, ownerId, assignedBy: dora } })
export const joined = (principalId: PrincipalId = felix): AccountEvent => ({
  type: 'TeamMemberAdded',
  data: { accountId, principalId, role: 'customer-success', addedBy: hanna },
})
export const granted = (granteeId: PrincipalId = sven, expiresAt: Instant | null = inDays(7), grantId: GrantId = grant1): AccountEvent => ({
  type: 'AccessGranted',
  data: { accountId, grantId, granteeId, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', grantedBy: hanna, validFrom: epoch, expiresAt },
})
export const revoked = (grantId: GrantId = grant1): AccountEvent => ({ type: 'AccessRevoked', data: { accountId, grantId, revokedBy: hanna, reason: 'no-longer-needed' } })
export const transferRequested = (toOwnerId: PrincipalId = felix, requestedBy: PrincipalId = hanna): AccountEvent => ({
  type: 'OwnershipTransferRequested',
  data: { accountId, transferId: transfer1, fromOwnerId: hanna, toOwnerId, reasonCode: 'hunter-to-farmer', requestedBy, keepsTeam: true },
})
export const orphaned = (previousOwnerId: PrincipalId = hanna): AccountEvent => ({ type: 'AccountOrphaned', data: { accountId, previousOwnerId, reason: 'owner-removed' } })
export const archived = (): AccountEvent => ({ type: 'AccountArchived', data: { accountId, reason: 'churned', archivedBy: dora } })
export const mapped = (): AccountEvent => ({
  type: 'StakeholderMapped',
  data: { accountId, stakeholderId: 'contact-1' as never, role: 'decision-maker', name: 'Dr. Erika Muster', mappedBy: hanna },
})

/** A decision context in which these principals were offboarded (at the epoch), each naming a successor or none. */
export const offboarded = (...left: ReadonlyArray<readonly [PrincipalId, PrincipalId | null]>): Partial<DecisionContext> => ({
  offboarded: offboardedAmong(new Map(left.map(([principalId, successorId]) => [principalId, { offboardedAt: epoch, successorId }]))),
})

/** An open key account owned by Hanna. */
export const ownedByHanna = (tier: Tier = 'key'): ReadonlyArray<AccountEvent> => [opened(tier), assigned(hanna)]

export { epoch, instantOf }
