/**
 * Events of access control (Zugriffskontrolle), kept apart from the ownership streams: each
 * access decision (Zugriffsentscheidung) as it was made, an alert a detector raised on
 * suspicious access (Alarm bei verdächtigem Zugriff), and the outcome of a grant in an access
 * review (Berechtigungsprüfung). They name principals, accounts and grants by id only.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../event.js'
import { AccountId, GrantId, PrincipalId } from '../ids.js'
import { Instant } from '../instant.js'
import { PurposeCode } from '../policy.js'
import { Count } from '../quantity.js'
import { LegalBasis, NonEmptyText, TeamRole } from '../vocabulary.js'

const words = <W extends string>(name: string, ws: readonly [W, W, ...W[]]) => t.keyof(Object.fromEntries(ws.map((w) => [w, null])) as Record<W, null>, name)

/**
 * What a principal wants to do with an account's data: read it, or change it.
 * @category vocabulary
 * @since 0.3.0
 */
export const AccessAction = words('AccessAction', ['read', 'write'])
/** @category vocabulary @since 0.3.0 */
export type AccessAction = t.TypeOf<typeof AccessAction>

/**
 * Why access was allowed (`owner`, `team-member`, `grant`) or denied (every other word).
 * @category vocabulary
 * @since 0.3.0
 */
export const AccessDecisionReason = words('AccessDecisionReason', [
  'owner',
  'team-member',
  'grant',
  'account-not-open',
  'account-archived',
  'principal-offboarded',
  'no-grant',
  'grant-not-yet-valid',
  'grant-expired',
  'grant-revoked',
  'purpose-not-covered',
  'scope-not-covered',
])
/** @category vocabulary @since 0.3.0 */
export type AccessDecisionReason = t.TypeOf<typeof AccessDecisionReason>

/**
 * An access decision as it was made, allowed or denied, at the event's `occurredAt`: the grant
 * it rests on or was measured against (with its legal basis and expiry), or the team role.
 * @category events
 * @since 0.3.0
 */
export const AccessDecided = message('AccessDecided', {
  accountId: AccountId,
  principalId: PrincipalId,
  action: AccessAction,
  /** The purpose code of the policy the access was asked for. */
  purpose: PurposeCode,
  outcome: words('AccessOutcome', ['allowed', 'denied']),
  reason: AccessDecisionReason,
  grantId: t.union([GrantId, t.null]),
  legalBasis: t.union([LegalBasis, t.null]),
  grantExpiresAt: t.union([Instant, t.null]),
  teamRole: t.union([TeamRole, t.null]),
})
/** @category events @since 0.3.0 */
export type AccessDecided = t.TypeOf<typeof AccessDecided>

/**
 * The kinds of suspicious access a detector raises an alert on.
 * @category vocabulary
 * @since 0.3.0
 */
export const AlertKind = words('AlertKind', ['denied-burst', 'offboarded-access', 'bulk-access', 'near-expiry-access', 'out-of-hours-access'])
/** @category vocabulary @since 0.3.0 */
export type AlertKind = t.TypeOf<typeof AlertKind>

/**
 * A detector saw suspicious access by a principal: `count` decisions between `from` and `to`
 * (one decision: `from` equals `to`); `accountId` is the account of the decision that set it off.
 * @category events
 * @since 0.3.0
 */
export const AccessAlertRaised = message('AccessAlertRaised', {
  kind: AlertKind,
  principalId: PrincipalId,
  /** The account of the decision that set the alert off. */
  accountId: AccountId,
  grantId: t.union([GrantId, t.null]),
  from: Instant,
  to: Instant,
  count: Count,
  detail: NonEmptyText,
})
/** @category events @since 0.3.0 */
export type AccessAlertRaised = t.TypeOf<typeof AccessAlertRaised>

/**
 * In an access review, the reviewer confirmed a grant or decided to revoke it.
 * @category events
 * @since 0.3.0
 */
export const GrantReviewed = message('GrantReviewed', {
  accountId: AccountId,
  grantId: GrantId,
  reviewedBy: PrincipalId,
  outcome: words('GrantReviewOutcome', ['confirmed', 'revoked']),
})
/** @category events @since 0.3.0 */
export type GrantReviewed = t.TypeOf<typeof GrantReviewed>

/**
 * Every event of the access-control streams.
 * @category events
 * @since 0.3.0
 */
export const AccessControlEvent = t.union([AccessDecided, AccessAlertRaised, GrantReviewed], 'AccessControlEvent')
/** @category events @since 0.3.0 */
export type AccessControlEvent = t.TypeOf<typeof AccessControlEvent>
