// authorize, told as the spec: given kunde-1's history, when a principal asks for access, then
// the decision and its reason.
import { authorize, type AccessDecision } from '@account-ownership/access-control'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kundeHistory } from '../support/kunde-history.js'
import type { Tables } from '../support/recorded-history.js'
import { scenarioReadModels } from '../support/scenario.js'
import { scratchFiles } from '../support/scratch-dir.js'

const file = scratchFiles('authorize')
let db: Kysely<Tables>
beforeAll(async () => void ({ db } = await scenarioReadModels(kundeHistory, file('read-models.db'))))
afterAll(() => db.destroy())

const decide = async (principalId: string, at: string, more: { accountId?: string; action?: 'read' | 'write'; purpose?: string } = {}): Promise<AccessDecision> => {
  const decided = await authorize(db, { principalId, accountId: more.accountId ?? 'kunde-1', action: more.action ?? 'read', purpose: more.purpose ?? 'customer-support', at })
  if (E.isLeft(decided)) throw new Error(decided.left.message)
  return decided.right
}

describe('given kunde-1: owned by Hanna, Felix on its team, Sven reading for customer support', () => {
  it('then its owner is allowed, as owner', async () => {
    expect(await decide('hanna', '2026-03-04T10:00:00Z', { action: 'write' })).toMatchObject({ outcome: 'allowed', reason: 'owner', grant: null, teamRole: null })
  })

  it('then a team member is allowed in their role', async () => {
    expect(await decide('felix', '2026-03-04T10:00:00Z')).toMatchObject({ outcome: 'allowed', reason: 'team-member', teamRole: 'customer-success' })
  })

  it('then a grantee is allowed under the grant, with its id and legal basis', async () => {
    const decision = await decide('sven', '2026-03-04T10:00:00Z')
    expect(decision).toMatchObject({ outcome: 'allowed', reason: 'grant', grant: { grantId: 'g-sven', legalBasis: 'art6-1-b-contract', expiresAt: '2026-04-01T00:00:00.000Z' } })
    expect(decision.request.at).toBe('2026-03-04T10:00:00.000Z')
  })

  it('then a read grant does not cover writing, nor another purpose', async () => {
    expect(await decide('sven', '2026-03-04T10:00:00Z', { action: 'write' })).toMatchObject({ outcome: 'denied', reason: 'scope-not-covered', grant: { grantId: 'g-sven' } })
    expect(await decide('sven', '2026-03-04T10:00:00Z', { purpose: 'billing' })).toMatchObject({ outcome: 'denied', reason: 'purpose-not-covered', grant: { grantId: 'g-sven' } })
  })

  it('then a grant gives access from validFrom up to, not including, its expiry', async () => {
    expect(await decide('ada', '2026-03-09T23:59:59.999Z', { purpose: 'audit' })).toMatchObject({ outcome: 'denied', reason: 'grant-not-yet-valid', grant: { grantId: 'g-ada' } })
    expect(await decide('ada', '2026-03-10T00:00:00Z', { purpose: 'audit', action: 'write' })).toMatchObject({ outcome: 'allowed', reason: 'grant' })
    expect(await decide('ada', '2026-03-20T00:00:00Z', { purpose: 'audit' })).toMatchObject({ outcome: 'denied', reason: 'grant-expired', grant: { grantId: 'g-ada' } })
    expect(await decide('sven', '2026-04-01T00:00:00Z')).toMatchObject({ outcome: 'denied', reason: 'grant-expired' })
  })

  it('then a revoked grant gives no access from its revocation on', async () => {
    expect(await decide('ben', '2026-03-06T08:59:59Z', { purpose: 'billing' })).toMatchObject({ outcome: 'allowed', reason: 'grant' })
    expect(await decide('ben', '2026-03-06T09:00:00Z', { purpose: 'billing' })).toMatchObject({ outcome: 'denied', reason: 'grant-revoked', grant: { grantId: 'g-ben' } })
  })

  it('then an offboarded principal is denied from the offboarding on', async () => {
    expect(await decide('felix', '2026-03-15T08:59:59Z')).toMatchObject({ outcome: 'allowed' })
    expect(await decide('felix', '2026-03-15T09:00:00Z')).toMatchObject({ outcome: 'denied', reason: 'principal-offboarded' })
  })

  it('then nobody gets at an archived account, nor at one before it was opened', async () => {
    expect(await decide('hanna', '2026-03-09T00:00:00Z', { accountId: 'kunde-2' })).toMatchObject({ outcome: 'denied', reason: 'account-archived' })
    expect(await decide('hanna', '2026-02-28T00:00:00Z')).toMatchObject({ outcome: 'denied', reason: 'account-not-open' })
  })

  it('then someone without any grant on the account is denied with no-grant', async () => {
    expect(await decide('sven', '2026-03-04T10:00:00Z', { accountId: 'kunde-2' })).toMatchObject({ outcome: 'denied', reason: 'no-grant', grant: null })
  })
})
