/**
 * @account-ownership/access-control — access control (Zugriffskontrolle) on the account-ownership
 * log: a decision point that answers "may this principal do this with this account's data, for
 * this purpose, now?" from the read models; an access log (Zugriffsprotokoll) of every decision
 * in streams of its own, written in batches; detectors of suspicious access that raise alerts
 * (Alarmierung); and access reviews (Berechtigungsprüfung) recorded as events. Runs on the read
 * models of `@account-ownership/projections`, on SQLite and PostgreSQL alike.
 *
 * @module
 */
export { AccessRequest, accessRequestOf } from './decision/access-request.js'
export {
  invalidAccessRequest,
  unknownAccount,
  unknownPrincipal,
  type AccessRequestError,
  type InvalidAccessRequestError,
  type UnknownAccountError,
  type UnknownPrincipalError,
} from './decision/access-control-errors.js'
export { isAllowed, type AccessDecision, type AllowReason, type DecisionGrant, type DenyReason } from './decision/access-decision.js'
export { purposeCovers, scopeCovers } from './decision/purpose-match.js'
export { decideAccess, type AccessFacts, type DecisionAccessReason } from './decision/decide-access.js'
export { accessFactsOf, type DecisionTables } from './decision/access-facts.js'
export { isKnownPrincipal, type PrincipalDirectoryLookup } from './decision/known-principal.js'
export { authorize, type AuthorizeOptions } from './decision/authorize.js'

export { createPrincipalOffboardingsTable, type PrincipalOffboardingTable } from './offboardings/principal-offboardings.table.js'
export { principalOffboardingsProjection } from './offboardings/principal-offboardings.projection.js'
export { offboardedBy } from './offboardings/principal-offboardings.queries.js'

export { accessLogFamily, accessLogStream } from './access-log/access-log-stream.js'
export { accessDecidedEvent, type DecisionMetadata } from './access-log/access-decided-event.js'
export { accessLog, type AccessLog, type AccessLogOptions, type RecordOutcome } from './access-log/access-log.js'

export { DetectorSettings, defaultDetectorSettings, defaultOutOfHoursRepeatMinutes, detectorSettingsOf, type InvalidDetectorSettingsError } from './detectors/detector-settings.js'
export { withinWorkingHours } from './detectors/working-hours.js'
export { alertKey, alertsOf, type DetectorMemory, type RaisedAlert, type RecentDecision } from './detectors/detector-rules.js'
export { createDetectorTables, type AccessAlertTable, type DetectorTables, type RecentDecisionTable } from './detectors/access-alerts.table.js'
export { accessDetectorsProjection } from './detectors/access-detectors.projection.js'
export { alerts, alertsAfter, type AccessAlert } from './alerts/access-alerts.queries.js'
export { alertSubscription, type AlertDeliveryError, type AlertSubscriberTable, type AlertSubscription, type AlertSubscriptionConfig } from './alerts/alert-subscription.js'

export { createReviewTables, type GrantReviewTable, type GrantUsageTable, type ReviewTables } from './review/grant-usage.table.js'
export { grantUsageProjection } from './review/grant-usage.projection.js'
export { ownerAccessReview, type GrantUnderReview, type OwnerAccessReview } from './review/owner-access-review.queries.js'
export { ReviewOutcome, recordReview, type RecordedReview } from './review/record-review.js'

export { createKnownPrincipalsTable, type KnownPrincipalTable } from './principals/known-principals.table.js'
export { knownPrincipalsProjection } from './principals/known-principals.projection.js'
export { decisionProjections } from './decision/decision-projections.js'
