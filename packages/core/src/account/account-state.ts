/**
 * What an account's decisions need to know, folded from its events.
 *
 * @module
 */
import type { AccountId, GrantId, PrincipalId, StakeholderId, TenantId, TransferId } from '../ids.js'
import type { Instant } from '../instant.js'
import type { ReasonCode } from '../policy.js'
import type { AccessScope, LegalBasis, TeamRole, Tier } from '../vocabulary.js'

/**
 * Who owns the account: nobody yet, one owner, or nobody since the owner left (orphaned).
 * @category state
 * @since 0.1.0
 */
export type Ownership =
  | { readonly kind: 'unassigned' }
  | { readonly kind: 'owned'; readonly ownerId: PrincipalId }
  | { readonly kind: 'orphaned'; readonly previousOwnerId: PrincipalId }

/**
 * A transfer awaiting its second pair of eyes.
 * @category state
 * @since 0.1.0
 */
export interface PendingTransfer {
  readonly transferId: TransferId
  readonly fromOwnerId: PrincipalId
  readonly toOwnerId: PrincipalId
  readonly reasonCode: ReasonCode
  readonly requestedBy: PrincipalId
  readonly keepsTeam: boolean
}

/**
 * A grant as the account knows it; `status` turns `revoked` or `expired` when its end is recorded.
 * @category state
 * @since 0.1.0
 */
export interface Grant {
  readonly grantId: GrantId
  readonly granteeId: PrincipalId
  readonly scope: AccessScope
  readonly purpose: string
  readonly legalBasis: LegalBasis
  readonly grantedBy: PrincipalId
  readonly validFrom: Instant
  readonly expiresAt: Instant | null
  readonly status: 'active' | 'revoked' | 'expired'
}

/**
 * An opened account.
 * @category state
 * @since 0.1.0
 */
export interface OpenedAccount {
  readonly status: 'open' | 'archived'
  readonly accountId: AccountId
  readonly tenantId: TenantId
  readonly displayName: string
  readonly tier: Tier
  readonly ownership: Ownership
  readonly pendingTransfer: PendingTransfer | null
  /** Every transfer id used on this account, so that none is used twice. */
  readonly transferIds: ReadonlyArray<TransferId>
  readonly team: Readonly<Record<string, TeamRole>>
  readonly grants: Readonly<Record<string, Grant>>
  readonly stakeholders: ReadonlyArray<StakeholderId>
}

/**
 * An account's state: not opened yet, or opened (open or archived).
 * @category state
 * @since 0.1.0
 */
export type AccountState = { readonly status: 'unopened' } | OpenedAccount

/**
 * The state before the first event.
 * @category state
 * @since 0.1.0
 */
export const initialAccountState: AccountState = { status: 'unopened' }

/**
 * The owner, if the account has one.
 * @category state
 * @since 0.1.0
 */
export const ownerOf = (state: AccountState): PrincipalId | null =>
  state.status !== 'unopened' && state.ownership.kind === 'owned' ? state.ownership.ownerId : null
