/**
 * An access decision (Zugriffsentscheidung): allowed or denied, and why — as owner, as a team
 * member in a role, or under a grant with its legal basis; or denied because the account was not
 * open or archived, the principal offboarded, or no grant in force covered the request. A denial
 * names the grant it was measured against when there is one (expired, revoked, other purpose).
 *
 * @module
 */
import type { AccessDecisionReason, TeamRole } from '@account-ownership/core'
import type { AccessGrant } from '@account-ownership/projections'
import type { AccessRequest } from './access-request.js'

/**
 * The reasons for which access is allowed.
 * @category decisions
 * @since 0.3.0
 */
export type AllowReason = Extract<AccessDecisionReason, 'owner' | 'team-member' | 'grant'>

/**
 * The reasons for which access is denied.
 * @category decisions
 * @since 0.3.0
 */
export type DenyReason = Exclude<AccessDecisionReason, AllowReason>

/**
 * A grant as a decision names it: what the access read model holds of it, without the parts of
 * time it gave access (a decision concerns one instant).
 * @category decisions
 * @since 0.3.0
 */
export type DecisionGrant = Omit<AccessGrant, 'accessible'>

/**
 * The answer to an access request.
 * @category decisions
 * @since 0.3.0
 */
export type AccessDecision = {
  readonly request: AccessRequest
  /** The team role access was allowed in; `null` unless the reason is `team-member`. */
  readonly teamRole: TeamRole | null
  /** The grant access rests on, or was measured against when denied; `null` when none was. */
  readonly grant: DecisionGrant | null
} & ({ readonly outcome: 'allowed'; readonly reason: AllowReason } | { readonly outcome: 'denied'; readonly reason: DenyReason })

/**
 * Whether the decision allowed access.
 * @category decisions
 * @since 0.3.0
 */
export const isAllowed = (decision: AccessDecision): decision is AccessDecision & { readonly outcome: 'allowed' } => decision.outcome === 'allowed'
