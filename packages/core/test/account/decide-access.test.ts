import { describe, it } from 'vitest'
import { accountDecider } from '@account-ownership/core'
import { epoch, spec, testPolicy } from '@account-ownership/core/testing'
import { accountId, archived, dora, felix, grant1, granted, hanna, inDays, ownedByHanna, revoked, sven } from './history.js'

const account = spec(accountDecider)

describe('GrantAccess', () => {
  const grant = (expiresAt: string | null = inDays(7), grantId = grant1) =>
    ({ type: 'GrantAccess', data: { accountId, grantId, granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt } }) as never
  const accessGranted = (grantedBy = hanna, expiresAt: string | null = inDays(7)) => ({
    type: 'AccessGranted',
    data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt, grantedBy, validFrom: epoch },
  }) as never

  it('lets the owner grant access for a purpose, on a legal basis, valid from now until the expiry', () =>
    account.given(ownedByHanna()).when(grant(), { actor: hanna }).then([accessGranted(hanna)]))

  it('lets an admin grant access', () => account.given(ownedByHanna()).when(grant(), { actor: dora }).then([accessGranted(dora)]))

  it("allows an expiry of exactly the policy's maximum", () => account.given(ownedByHanna()).when(grant(inDays(90)), { actor: hanna }).then([accessGranted(hanna, inDays(90))]))

  it('allows a grant without expiry where the policy has no maximum', () =>
    account.given(ownedByHanna()).when(grant(null), { actor: hanna, policy: { ...testPolicy, maxGrantDays: null } }).then([accessGranted(hanna, null)]))

  it('is refused for anyone but the owner or an admin (invariant 5)', () => account.given(ownedByHanna()).when(grant(), { actor: felix }).thenFails('NotAuthorizedError'))

  it("is refused for a purpose code the policy does not list, naming data.purpose", () =>
    account.given(ownedByHanna()).when(grant(), { actor: hanna, policy: { ...testPolicy, purposeCodes: ['audit'] } }).thenFails('UnknownPurposeCodeError', 'data.purpose'))

  it('is refused for the code that marks grants recorded as free text: no policy lists it', () =>
    account
      .given(ownedByHanna())
      .when({ type: 'GrantAccess', data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'recorded-as-text', legalBasis: 'art6-1-b-contract', expiresAt: inDays(7) } } as never, { actor: hanna })
      .thenFails('UnknownPurposeCodeError', 'data.purpose'))

  it('needs no note: the purpose code alone is a purpose', () =>
    account
      .given(ownedByHanna())
      .when({ type: 'GrantAccess', data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'audit', legalBasis: 'art6-1-c-legal-obligation', expiresAt: inDays(7) } } as never, { actor: hanna })
      .then([{ type: 'AccessGranted', data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'audit', legalBasis: 'art6-1-c-legal-obligation', expiresAt: inDays(7), grantedBy: hanna, validFrom: epoch } } as never]))

  it('is refused without an expiry where the policy has a maximum (invariant 5)', () =>
    account.given(ownedByHanna()).when(grant(null)).thenFails('MissingExpiryError', 'data.expiresAt'))

  it('is refused when the expiry is past', () => account.given(ownedByHanna()).when(grant(inDays(-1))).thenFails('ExpiryInPastError', 'data.expiresAt'))

  it('is refused when the expiry is now', () => account.given(ownedByHanna()).when(grant(epoch)).thenFails('ExpiryInPastError', 'data.expiresAt'))

  it("is refused when it would run longer than the policy's maximum (invariant 5)", () =>
    account.given(ownedByHanna()).when(grant(inDays(90.001))).thenFails('GrantTooLongError', 'data.expiresAt'))

  describe('a scheduled grant (validFrom later than now)', () => {
    const scheduled = (validFrom: string, expiresAt: string | null = inDays(97)) =>
      ({ type: 'GrantAccess', data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', validFrom, expiresAt } }) as never

    it('starts at validFrom, and the policy counts its maximum from there', () =>
      account
        .given(ownedByHanna())
        .when(scheduled(inDays(7)), { actor: hanna })
        .then([
          {
            type: 'AccessGranted',
            data: { accountId, grantId: grant1, granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Support ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt: inDays(97), grantedBy: hanna, validFrom: inDays(7) },
          } as never,
        ]))

    it('may start now, which is the same as giving no validFrom', () => account.given(ownedByHanna()).when(scheduled(epoch, inDays(7)), { actor: hanna }).then([accessGranted(hanna)]))

    it('is refused when it would start before it is given', () =>
      account.given(ownedByHanna()).when(scheduled(inDays(-1))).thenFails('ValidFromInPastError', 'data.validFrom'))

    it('is refused when it would expire before it starts', () =>
      account.given(ownedByHanna()).when(scheduled(inDays(7), inDays(5))).thenFails('ExpiryInPastError', 'data.expiresAt'))

    it("is refused when it would run longer than the policy's maximum from its start", () =>
      account.given(ownedByHanna()).when(scheduled(inDays(7), inDays(97.001))).thenFails('GrantTooLongError', 'data.expiresAt'))
  })

  it('is refused when a grant with this id exists already', () => account.given([...ownedByHanna(), granted()]).when(grant()).thenFails('GrantAlreadyExistsError', 'data.grantId'))

  it('is refused even when the grant of this id was revoked', () => account.given([...ownedByHanna(), granted(), revoked()]).when(grant()).thenFails('GrantAlreadyExistsError', 'data.grantId'))

  it('is refused on an archived account', () => account.given([...ownedByHanna(), archived()]).when(grant()).thenFails('AccountArchivedError'))
})

describe('RevokeAccess', () => {
  const revoke = (grantId = grant1) => ({ type: 'RevokeAccess', data: { accountId, grantId, reason: 'no-longer-needed' } }) as const

  it('ends an active grant', () =>
    account.given([...ownedByHanna(), granted()]).when(revoke(), { actor: hanna }).then([{ type: 'AccessRevoked', data: { accountId, grantId: grant1, reason: 'no-longer-needed', revokedBy: hanna } }]))

  it('is refused for anyone but the owner or an admin, even the grantee', () => account.given([...ownedByHanna(), granted()]).when(revoke(), { actor: sven }).thenFails('NotAuthorizedError'))

  it('is refused for an unknown grant', () => account.given(ownedByHanna()).when(revoke()).thenFails('GrantNotActiveError', 'data.grantId'))

  it('is refused for a grant revoked before', () => account.given([...ownedByHanna(), granted(), revoked()]).when(revoke()).thenFails('GrantNotActiveError', 'data.grantId'))
})

describe('RecordAccessExpiry', () => {
  const recordExpiry = { type: 'RecordAccessExpiry', data: { accountId, grantId: grant1 } } as const

  it('records the expiry of a grant past its end, at its end', () =>
    account.given([...ownedByHanna(), granted()]).when(recordExpiry, { actor: sven, now: inDays(8) }).then([{ type: 'AccessExpired', data: { accountId, grantId: grant1, expiredAt: inDays(7) } }]))

  it('records it at the very instant of the expiry', () =>
    account.given([...ownedByHanna(), granted()]).when(recordExpiry, { now: inDays(7) }).then([{ type: 'AccessExpired', data: { accountId, grantId: grant1, expiredAt: inDays(7) } }]))

  it('is refused before the grant has expired', () => account.given([...ownedByHanna(), granted()]).when(recordExpiry, { now: inDays(6) }).thenFails('GrantNotExpiredError', 'data.grantId'))

  it('is refused for a grant without expiry', () => account.given([...ownedByHanna(), granted(sven, null)]).when(recordExpiry, { now: inDays(900) }).thenFails('GrantNotExpiredError'))

  it('is refused for a revoked grant', () => account.given([...ownedByHanna(), granted(), revoked()]).when(recordExpiry, { now: inDays(8) }).thenFails('GrantNotActiveError', 'data.grantId'))
})

describe('grants whose ids are names of Object.prototype', () => {
  const grantId = 'constructor' as typeof grant1
  it('are granted', () =>
    account
      .given(ownedByHanna())
      .when({ type: 'GrantAccess', data: { accountId, grantId, granteeId: sven, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: inDays(7) } } as never, { actor: hanna })
      .then([{ type: 'AccessGranted', data: { accountId, grantId, granteeId: sven, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: inDays(7), grantedBy: hanna, validFrom: epoch } } as never]))

  it('are not revoked when never granted', () =>
    account.given(ownedByHanna()).when({ type: 'RevokeAccess', data: { accountId, grantId: 'toString', reason: 'no-longer-needed' } } as never, { actor: hanna }).thenFails('GrantNotActiveError', 'data.grantId'))
})
