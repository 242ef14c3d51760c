// Decisions to log, made by the pure rule from plain facts: no read models needed.
import { decideAccess, type AccessDecision, type AccessRequest } from '@account-ownership/access-control'
import { instantOf, type AccountId, type Instant, type PrincipalId } from '@account-ownership/core'

export const decisionAt = (at: Instant | string, i = 0, principalId = `p-${i % 7}`): AccessDecision => {
  const request = { principalId: principalId as PrincipalId, accountId: `kunde-${i % 13}` as AccountId, action: 'read', purpose: 'customer-support', at: instantOf(new Date(at)) } as AccessRequest
  return decideAccess(request, {
    account: 'open',
    offboardedAt: null,
    couldAccess: i % 2 === 0 ? [{ via: 'owner', principalId: request.principalId, since: request.at }] : [],
    grants: [],
  })
}
