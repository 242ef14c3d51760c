// Acme's rules as given/when/then specifications (`spec` from the test kit): given what happened,
// when a command arrives, then these events follow — or it is refused with this error. Commands
// and events are written as plain data and checked by core's codecs, as an application does.
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { AccountEvent, accountDecider, decodeAccountCommand, decodeWith, instantOf, type AccountCommandInput } from '@account-ownership/core'
import { cast, decisionContext, spec } from '@account-ownership/core/testing'
import { describe, expect, it } from 'vitest'
import { acmePolicy, acmePolicyData, policyOf } from '../src/acme-policy.js'

/** A value the test wrote itself must check; if it does not, the test is wrong, and says where. */
const checked = <A>(result: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(result)) throw new Error(`the test's own data does not check: ${result.left.message}`)
  return result.right
}
const command = (input: AccountCommandInput) => checked(decodeAccountCommand(input))
const event = (input: t.OutputOf<typeof AccountEvent>) => checked(decodeWith(AccountEvent)(input))

const now = instantOf(Date.UTC(2026, 4, 4, 8))
const account = spec(accountDecider, decisionContext(cast.dora, now, checked(acmePolicy)))
const accountId = 'kunde-9'
const keyAccountOfHanna = [
  event({ type: 'AccountOpened', data: { accountId, tenantId: 'acme-de', displayName: 'Kessler Kran AG', tier: 'key', openedBy: 'dora' } }),
  event({ type: 'OwnershipAssigned', data: { accountId, ownerId: 'hanna', assignedBy: 'dora' } }),
]
const grantUntil = (expiresAt: string) =>
  command({ type: 'GrantAccess', data: { accountId, grantId: 'g-1', granteeId: 'sven', scope: 'read', purpose: 'customer-support', purposeNote: 'Reklamation 2026-118', legalBasis: 'art6-1-b-contract', expiresAt } })
const transferTo = (toOwnerId: string, reasonCode: string) => command({ type: 'TransferOwnership', data: { accountId, transferId: 't-1', toOwnerId, reasonCode } })

describe("Acme's policy", () => {
  it('checks as a policy, and a written-down policy with a bad field is refused naming it', () => {
    expect(E.isRight(acmePolicy)).toBe(true)
    const bad = policyOf({ ...acmePolicyData, maxGrantDays: 0 })
    expect(E.isLeft(bad) && bad.left.field).toBe('policy.maxGrantDays')
  })

  it('lets the owner grant access for 30 days', () =>
    account
      .given(keyAccountOfHanna)
      .when(grantUntil('2026-06-03T08:00:00.000Z'), { actor: cast.hanna })
      .then([
        event({
          type: 'AccessGranted',
          data: { accountId, grantId: 'g-1', granteeId: 'sven', scope: 'read', purpose: 'customer-support', purposeNote: 'Reklamation 2026-118', legalBasis: 'art6-1-b-contract', grantedBy: 'hanna', validFrom: now, expiresAt: '2026-06-03T08:00:00.000Z' },
        }),
      ]))

  it('refuses a grant of 31 days, naming the expiry', () =>
    account.given(keyAccountOfHanna).when(grantUntil('2026-06-04T08:00:00.000Z'), { actor: cast.hanna }).thenFails('GrantTooLongError', 'data.expiresAt'))

  it('asks a second person before a key account changes owner: the transfer is only requested', () =>
    account
      .given(keyAccountOfHanna)
      .when(transferTo('felix', 'territory-change'), { actor: cast.hanna })
      .then([
        event({
          type: 'OwnershipTransferRequested',
          data: { accountId, transferId: 't-1', fromOwnerId: 'hanna', toOwnerId: 'felix', reasonCode: 'territory-change', requestedBy: 'hanna', keepsTeam: true },
        }),
      ]))

  it("refuses a reason code that is not in Acme's handbook", () =>
    account.given(keyAccountOfHanna).when(transferTo('felix', 'workload-balancing'), { actor: cast.hanna }).thenFails('UnknownReasonCodeError'))
})
