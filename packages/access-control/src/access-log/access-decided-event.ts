/**
 * An access decision as the event the access log records: the decision's facts in the payload,
 * its time as business time, and the caller's actor, tenant and correlation as metadata.
 *
 * @module
 */
import type { AccessDecided, Actor, CommandId, CorrelationId, EventId, NewEvent, TenantId } from '@account-ownership/core'
import type { AccessDecision } from '../decision/access-decision.js'

/**
 * The metadata of a logged decision that only the caller knows. `actor` defaults to the
 * principal who asked, `causationId` to the correlation id, `commandId` to the event id.
 * @category access log
 * @since 0.3.0
 */
export interface DecisionMetadata {
  readonly tenantId: string
  readonly correlationId: string
  readonly causationId?: string
  readonly actor?: Actor
  readonly commandId?: string
}

/**
 * The `AccessDecided` event of a decision.
 * @category access log
 * @since 0.3.0
 */
export const accessDecidedEvent = (decision: AccessDecision, metadata: DecisionMetadata, eventId: string): NewEvent<AccessDecided> => {
  const { request, grant } = decision
  return {
    type: 'AccessDecided',
    data: {
      accountId: request.accountId,
      principalId: request.principalId,
      action: request.action,
      purpose: request.purpose,
      outcome: decision.outcome,
      reason: decision.reason,
      grantId: grant?.grantId ?? null,
      legalBasis: grant?.legalBasis ?? null,
      grantExpiresAt: grant?.expiresAt ?? null,
      teamRole: decision.teamRole,
    },
    metadata: {
      eventId: eventId as EventId,
      occurredAt: request.at,
      actor: metadata.actor ?? { principalId: request.principalId },
      tenantId: metadata.tenantId as TenantId,
      correlationId: metadata.correlationId as CorrelationId,
      causationId: (metadata.causationId ?? metadata.correlationId) as CorrelationId,
      commandId: (metadata.commandId ?? eventId) as CommandId,
    },
  }
}
