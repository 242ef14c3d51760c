/**
 * Which accounts a principal is part of — as owner, requested new owner, grantee or team
 * member. The handover asks this; a projection can answer it fast, and `scanAccountIndex`
 * answers it from the log alone.
 *
 * @module
 */
import type { AccountId, PrincipalId } from '../ids.js'
import type { EventStore } from '../store/event-store.js'

/**
 * The accounts a principal is part of.
 * @category offboarding
 * @since 0.1.0
 */
export interface AccountIndex {
  /** Each account the principal is part of (owner, requested new owner, grantee, team member), once. */
  readonly accountsOf: (principalId: PrincipalId) => AsyncIterable<AccountId>
}

/**
 * An index that streams the whole log once per question and keeps only the matching account
 * ids; fine for small logs and tests, to be replaced by a read model for large ones.
 * @category offboarding
 * @since 0.1.0
 */
export const scanAccountIndex = (store: EventStore): AccountIndex => ({
  async *accountsOf(principalId) {
    const found = new Set<AccountId>()
    for await (const event of store.readAll()) {
      const d = event.data as Record<string, unknown>
      const involved =
        (event.type === 'OwnershipAssigned' && d.ownerId === principalId) ||
        ((event.type === 'OwnershipTransferred' || event.type === 'OwnershipTransferRequested') && d.toOwnerId === principalId) ||
        (event.type === 'AccessGranted' && d.granteeId === principalId) ||
        (event.type === 'TeamMemberAdded' && d.principalId === principalId)
      if (involved && 'accountId' in event.data && !found.has(event.data.accountId)) {
        found.add(event.data.accountId)
        yield event.data.accountId
      }
    }
  },
})
