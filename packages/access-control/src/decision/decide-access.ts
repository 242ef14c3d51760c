/**
 * The decision rule, pure: given what the read models know about one account and one principal
 * at the request's time, allow or deny with the reason. Who could access at all is the library's
 * one definition ("could access": `accessAt`); on top of it, a grant must cover the request's
 * purpose and action, and an offboarded principal is refused even where a handover has not yet
 * ended what they held.
 *
 * @module
 */
import type { Instant, PrincipalId, TeamRole } from '@account-ownership/core'
import type { AccessReason } from '@account-ownership/projections'
import type { AccessDecision, DecisionGrant, DenyReason } from './access-decision.js'
import type { AccessRequest } from './access-request.js'
import { purposeCovers, scopeCovers } from './purpose-match.js'

/**
 * Why a principal could access an account, as a decision needs it: `accessAt`'s reasons, a grant
 * named without its parts of time (a decision concerns one instant). `accessAt`'s own answers fit.
 * @category decisions
 * @since 0.3.0
 */
export type DecisionAccessReason = Exclude<AccessReason, { readonly via: 'grant' }> | { readonly via: 'grant'; readonly principalId: PrincipalId; readonly grant: DecisionGrant }

/**
 * What the read models know that a decision needs, about the request's account and principal at
 * its time.
 * @category decisions
 * @since 0.3.0
 */
export interface AccessFacts {
  /** Whether the account was open at the request's time, not opened yet, or archived. */
  readonly account: 'open' | 'not-open' | 'archived'
  /** When the principal was offboarded, if they were at or before the request's time. */
  readonly offboardedAt: Instant | null
  /** Why the principal could access the account at that time (`accessAt`, their entries only). */
  readonly couldAccess: ReadonlyArray<DecisionAccessReason>
  /** Every grant of the principal on the account recorded by then, to explain a denial. */
  readonly grants: ReadonlyArray<DecisionGrant>
}

const deny = (request: AccessRequest, reason: DenyReason, grant: DecisionGrant | null = null): AccessDecision => ({ request, outcome: 'denied', reason, grant, teamRole: null })

// A grant that gives no access at `at`, and why: the latest such grant is the one to name.
const whyNot = (grant: DecisionGrant, at: Instant): DenyReason => {
  if (grant.endedHow === 'revoked' && grant.endedAt !== null && grant.endedAt <= at) return 'grant-revoked'
  if ((grant.expiresAt !== null && grant.expiresAt <= at) || (grant.endedAt !== null && grant.endedAt <= at)) return 'grant-expired'
  return 'grant-not-yet-valid'
}

/**
 * Decide an access request from the facts.
 * @category decisions
 * @since 0.3.0
 * @example
 * decideAccess(request, { account: 'open', offboardedAt: null, couldAccess: [], grants: [] }) // denied, 'no-grant'
 */
export const decideAccess = (request: AccessRequest, facts: AccessFacts): AccessDecision => {
  if (facts.account === 'not-open') return deny(request, 'account-not-open')
  if (facts.account === 'archived') return deny(request, 'account-archived')
  if (facts.offboardedAt !== null) return deny(request, 'principal-offboarded')
  const mine = facts.couldAccess.filter((reason) => reason.principalId === request.principalId)
  if (mine.some((reason) => reason.via === 'owner')) return { request, outcome: 'allowed', reason: 'owner', grant: null, teamRole: null }
  const team = mine.find((reason): reason is Extract<DecisionAccessReason, { via: 'team' }> => reason.via === 'team')
  if (team !== undefined) return { request, outcome: 'allowed', reason: 'team-member', grant: null, teamRole: team.role as TeamRole }
  const inForce = mine.flatMap((reason) => (reason.via === 'grant' ? [reason.grant] : []))
  const forPurpose = inForce.filter((grant) => purposeCovers(grant.purpose, request.purpose))
  const covering = forPurpose.find((grant) => scopeCovers(grant.scope, request.action))
  if (covering !== undefined) return { request, outcome: 'allowed', reason: 'grant', grant: covering, teamRole: null }
  if (forPurpose[0] !== undefined) return deny(request, 'scope-not-covered', forPurpose[0])
  if (inForce[0] !== undefined) return deny(request, 'purpose-not-covered', inForce[0])
  const latest = [...facts.grants].sort((a, b) => (a.validFrom !== b.validFrom ? (a.validFrom < b.validFrom ? 1 : -1) : a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0))[0]
  return latest === undefined ? deny(request, 'no-grant') : deny(request, whyNot(latest, request.at), latest)
}
