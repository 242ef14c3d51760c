/**
 * The handover (Übergabe) of one account after a principal was offboarded: their ownership goes
 * to the successor or the account is orphaned, a transfer pending to them is rejected, their
 * grants are revoked and they leave the team — all in one decision, so all or nothing. It also
 * reaches archived accounts (the one command besides a restore they accept), so that an
 * offboarded principal holds nothing on any account, archived or not (invariant 10). A successor
 * who left too is followed to their own successor.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { PrincipalId } from '../../ids.js'
import { activeSuccessor, nobodyOffboarded } from '../../offboarding/principal-directory.js'
import { offboardingReasonCode } from '../../policy.js'
import type { AccountEvent } from '../account-event.js'
import { sameOwner, type AccountError } from '../account-errors.js'
import { byAdmin, existing } from '../account-guards.js'
import type { AccountState, OpenedAccount } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import { evolve } from '../evolve.js'
import type { HandOverAccount } from './ownership-commands.js'
import { withdrawPendingTransfer } from './withdraw-pending-transfer.js'

/**
 * The events that take `offboardedId` out of the account: ownership to `successorId` (or
 * orphaned), a pending transfer withdrawn, grants revoked, team left.
 * @category decider
 * @since 0.2.0
 */
export const handoverEvents = (s: OpenedAccount, offboardedId: PrincipalId, successorId: PrincipalId | null, ctx: DecisionContext): ReadonlyArray<AccountEvent> => {
  const { accountId } = s
  const events: AccountEvent[] = []
  const ownsIt = s.ownership.kind === 'owned' && s.ownership.ownerId === offboardedId
  if (s.pendingTransfer?.toOwnerId === offboardedId) events.push(...withdrawPendingTransfer(s, ctx, 'the new owner was offboarded'))
  else if (ownsIt) events.push(...withdrawPendingTransfer(s, ctx, 'the owner was offboarded'))
  if (ownsIt) {
    events.push(
      successorId === null
        ? { type: 'AccountOrphaned', data: { accountId, previousOwnerId: offboardedId, reason: 'owner-offboarded' } }
        : { type: 'OwnershipTransferred', data: { accountId, fromOwnerId: offboardedId, toOwnerId: successorId, reasonCode: offboardingReasonCode, transferredBy: ctx.actor, keepsTeam: true } },
    )
  }
  for (const grant of Object.values(s.grants)) {
    if (grant.granteeId === offboardedId && grant.status === 'active') {
      events.push({ type: 'AccessRevoked', data: { accountId, grantId: grant.grantId, revokedBy: ctx.actor, reason: 'grantee-offboarded' } })
    }
  }
  if (Object.hasOwn(s.team, offboardedId)) {
    events.push({ type: 'TeamMemberRemoved', data: { accountId, principalId: offboardedId, removedBy: ctx.actor } })
  }
  return events
}

/* The successor who takes over: the named one, or the first active one down their chain; never the offboarded principal. */
const takingOver = (ctx: DecisionContext, offboardedId: PrincipalId, successorId: PrincipalId | null): PrincipalId | null => {
  const successor = activeSuccessor(ctx.offboarded ?? nobodyOffboarded, successorId)
  return successor === offboardedId ? null : successor
}

/**
 * The handover of everyone on the account the context knows to be offboarded — its owner, team
 * members and grantees — each to the successor of their offboarding; the restore of an archived
 * account decides this with it, so nobody who left while it was archived comes back.
 * @category decider
 * @since 0.2.0
 */
export const handOverTheOffboarded = (s: OpenedAccount, ctx: DecisionContext): ReadonlyArray<AccountEvent> => {
  const offboarded = ctx.offboarded ?? nobodyOffboarded
  const involved = new Set<PrincipalId>([
    ...(s.ownership.kind === 'owned' ? [s.ownership.ownerId] : []),
    ...(Object.keys(s.team) as PrincipalId[]),
    ...Object.values(s.grants).flatMap((g) => (g.status === 'active' ? [g.granteeId] : [])),
  ])
  const events: AccountEvent[] = []
  let state: OpenedAccount = s
  for (const principalId of involved) {
    const offboarding = offboarded(principalId)
    if (offboarding === null) continue
    const handed = handoverEvents(state, principalId, takingOver(ctx, principalId, offboarding.successorId), ctx)
    events.push(...handed)
    state = handed.reduce<AccountState>(evolve, state) as OpenedAccount
  }
  return events
}

/**
 * Hand one account over, archived or not; an account the principal is not part of yields no events.
 * @category decider
 * @since 0.1.0
 */
export const decideHandOver = (command: HandOverAccount, state: AccountState, ctx: DecisionContext): E.Either<AccountError, ReadonlyArray<AccountEvent>> =>
  pipe(
    existing(state, command.data.accountId),
    E.flatMap(byAdmin(ctx, 'hand over an account')),
    E.filterOrElseW(
      () => command.data.successorId !== command.data.offboardedId,
      () => sameOwner('the successor cannot be the offboarded principal', 'data.successorId'),
    ),
    E.map((s) => handoverEvents(s, command.data.offboardedId, takingOver(ctx, command.data.offboardedId, command.data.successorId), ctx)),
  )
