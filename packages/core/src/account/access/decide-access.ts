/**
 * Decisions of access, keeping invariant 5: only the owner or an admin grants; a grant has a
 * purpose from the policy's codes, a legal basis and an expiry no later than the policy's maximum, counted from the
 * grant's start (`validFrom`: now, or a later instant for a scheduled grant).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { millisOf, type Instant } from '../../instant.js'
import type { Policy } from '../../policy.js'
import type { AccountEvent } from '../account-event.js'
import {
  expiryInPast,
  grantAlreadyExists,
  grantNotActive,
  grantNotExpired,
  grantTooLong,
  missingExpiry,
  unknownPurposeCode,
  validFromInPast,
  type AccountError,
} from '../account-errors.js'
import { byOwnerOrAdmin, notOffboarded, open } from '../account-guards.js'
import type { AccountState, Grant, OpenedAccount } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import type { GrantAccess, RecordAccessExpiry, RevokeAccess } from './access-commands.js'

type Decision = E.Either<AccountError, ReadonlyArray<AccountEvent>>

const dayMillis = 24 * 60 * 60 * 1000

/**
 * An expiry allowed by the policy for a grant that starts at `validFrom`.
 * @category decider
 * @since 0.1.0
 */
export const allowedExpiry = (expiresAt: Instant | null, validFrom: Instant, policy: Policy): E.Either<AccountError, Instant | null> => {
  if (expiresAt === null) {
    return policy.maxGrantDays === null
      ? E.right(null)
      : E.left(missingExpiry(`a grant must expire within ${policy.maxGrantDays} days`, 'data.expiresAt'))
  }
  if (expiresAt <= validFrom) return E.left(expiryInPast(`expiry ${expiresAt} is not after the grant's start (${validFrom})`, 'data.expiresAt'))
  if (policy.maxGrantDays !== null && millisOf(expiresAt) - millisOf(validFrom) > policy.maxGrantDays * dayMillis) {
    return E.left(grantTooLong(`expiry ${expiresAt} is more than ${policy.maxGrantDays} days after the grant's start (${validFrom})`, 'data.expiresAt'))
  }
  return E.right(expiresAt)
}

const active = (s: OpenedAccount, grantId: string): E.Either<AccountError, Grant> => {
  const grant = Object.hasOwn(s.grants, grantId) ? s.grants[grantId] : undefined
  return grant !== undefined && grant.status === 'active'
    ? E.right(grant)
    : E.left(grantNotActive(`grant ${grantId} is ${grant === undefined ? 'unknown' : grant.status}`, 'data.grantId'))
}

/* A grant starts when it is given, or later when scheduled; never earlier. */
const startOf = (command: GrantAccess, ctx: DecisionContext): E.Either<AccountError, Instant> => {
  const validFrom = command.data.validFrom ?? ctx.now
  return validFrom < ctx.now ? E.left(validFromInPast(`a grant cannot start (${validFrom}) before it is given (${ctx.now})`, 'data.validFrom')) : E.right(validFrom)
}

/** @category decider @since 0.1.0 */
export const decideGrant = (command: GrantAccess, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'grant access')),
    E.filterOrElseW(
      (s) => !Object.hasOwn(s.grants, command.data.grantId),
      () => grantAlreadyExists(`grant ${command.data.grantId} exists already`, 'data.grantId'),
    ),
    E.filterOrElseW(
      () => ctx.policy.purposeCodes.includes(command.data.purpose),
      () => unknownPurposeCode(`purpose code ${command.data.purpose} is not one of ${ctx.policy.purposeCodes.join(', ') || '(none: the policy lists no purposes)'}`, 'data.purpose'),
    ),
    E.flatMap(notOffboarded(ctx, command.data.granteeId, 'data.granteeId')),
    E.bindTo('account'),
    E.bind('validFrom', () => startOf(command, ctx)),
    E.bind('expiresAt', ({ validFrom }) => allowedExpiry(command.data.expiresAt, validFrom, ctx.policy)),
    E.map(({ validFrom, expiresAt }) => [{ type: 'AccessGranted', data: { ...command.data, expiresAt, grantedBy: ctx.actor, validFrom } }]),
  )

/** @category decider @since 0.1.0 */
export const decideRevoke = (command: RevokeAccess, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'revoke access')),
    E.flatMap((s) => active(s, command.data.grantId)),
    E.map(() => [{ type: 'AccessRevoked', data: { ...command.data, revokedBy: ctx.actor } }]),
  )

/** @category decider @since 0.1.0 */
export const decideExpiry = (command: RecordAccessExpiry, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap((s) => active(s, command.data.grantId)),
    E.flatMap((grant) =>
      grant.expiresAt !== null && grant.expiresAt <= ctx.now
        ? E.right(grant.expiresAt)
        : E.left(grantNotExpired(`grant ${grant.grantId} runs ${grant.expiresAt === null ? 'without expiry' : `until ${grant.expiresAt}`}`, 'data.grantId')),
    ),
    E.map((expiredAt) => [{ type: 'AccessExpired', data: { ...command.data, expiredAt } }]),
  )
