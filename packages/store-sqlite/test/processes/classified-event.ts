/**
 * The one event the writer processes append: an account classified, with the metadata the test
 * kit's `newEvent` gives. Built here rather than imported from `@account-ownership/core/testing`,
 * whose arbitraries cost every child process seconds of start-up on a busy machine — and the
 * crash test starts twenty of them.
 *
 * @module
 */
import type { AccountId, CommandId, CorrelationId, EventId, Instant, NewEvent, PrincipalId, TenantId } from '@account-ownership/core'

/** `AccountClassified` of `accountId` with `score` and one criterion, under the event id given. */
export const classifiedEvent = (accountId: AccountId, score: number, criterion: string, eventId: string): NewEvent => ({
  type: 'AccountClassified',
  data: { accountId, tier: 'standard', score, criteria: [criterion], classifiedBy: 'dora' as PrincipalId },
  metadata: {
    eventId: eventId as EventId,
    occurredAt: '2026-03-12T09:00:00.000Z' as Instant,
    actor: { principalId: 'dora' as PrincipalId },
    tenantId: 'acme-de' as TenantId,
    correlationId: `corr-${eventId}` as CorrelationId,
    causationId: `corr-${eventId}` as CorrelationId,
    commandId: `cmd-${eventId}` as CommandId,
  },
})
