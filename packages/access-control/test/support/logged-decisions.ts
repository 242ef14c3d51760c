// Decisions written straight into the access log of a store, as a service that decided them
// would have: who, which account, when, and the outcome — for the detectors to watch.
import { accessDecidedEvent, accessLogStream, type AccessDecision, type AccessRequest } from '@account-ownership/access-control'
import { instantOf, type EventStore, type PrincipalId } from '@account-ownership/core'
import type { AccessGrant } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'

export interface Logged {
  readonly at: string
  readonly principalId: string
  readonly accountId?: string
  readonly outcome?: 'allowed' | 'denied'
  readonly grant?: { readonly grantId: string; readonly expiresAt: string }
}

let n = 0

export const decisionOf = (l: Logged): AccessDecision => {
  const request = { principalId: l.principalId, accountId: l.accountId ?? 'kunde-1', action: 'read', purpose: 'customer-support', at: instantOf(new Date(l.at)) } as AccessRequest
  const grant = l.grant === undefined ? null : ({ grantId: l.grant.grantId, legalBasis: 'art6-1-b-contract', expiresAt: instantOf(new Date(l.grant.expiresAt)) } as unknown as AccessGrant)
  return l.outcome === 'denied'
    ? { request, outcome: 'denied', reason: 'no-grant', grant: null, teamRole: null }
    : { request, outcome: 'allowed', reason: grant === null ? 'owner' : 'grant', grant, teamRole: null }
}

export const logDecisions = async (store: EventStore, decisions: ReadonlyArray<Logged>): Promise<void> => {
  for (const l of decisions) {
    const decision = decisionOf(l)
    const event = accessDecidedEvent(decision, { tenantId: 'acme-de', correlationId: `c-${++n}` }, `decision-${n}`)
    const appended = await store.append(accessLogStream(decision.request.at), [event], { expectedVersion: 'any' })
    if (E.isLeft(appended)) throw appended.left
  }
}

export const offboard = async (store: EventStore, principalId: string, at: string): Promise<void> => {
  const appended = await store.append(`principal-${principalId}` as never, [
    {
      type: 'PrincipalOffboarded',
      data: { principalId: principalId as PrincipalId, successorId: null, offboardedBy: 'dora' as PrincipalId, reason: 'Leaves' },
      metadata: { eventId: `off-${principalId}`, occurredAt: instantOf(new Date(at)), actor: { principalId: 'dora' }, tenantId: 'acme-de', correlationId: 'off', causationId: 'off', commandId: `off-${principalId}` },
    } as never,
  ], { expectedVersion: 'any' })
  if (E.isLeft(appended)) throw appended.left
}
