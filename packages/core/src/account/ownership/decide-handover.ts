/**
 * The handover (Übergabe) of one account after a principal was offboarded: their ownership goes
 * to the successor or the account is orphaned, a transfer pending to them is rejected, their
 * grants are revoked and they leave the team — all in one decision, so all or nothing.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { offboardingReasonCode } from '../../policy.js'
import type { AccountEvent } from '../account-event.js'
import { sameOwner, type AccountError } from '../account-errors.js'
import { byAdmin, open } from '../account-guards.js'
import type { AccountState, OpenedAccount } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import type { HandOverAccount } from './ownership-commands.js'
import { withdrawPendingTransfer } from './withdraw-pending-transfer.js'

const handover = (command: HandOverAccount, s: OpenedAccount, ctx: DecisionContext): ReadonlyArray<AccountEvent> => {
  const { accountId, offboardedId, successorId } = command.data
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

/**
 * Hand one account over; an account the principal is not part of yields no events.
 * @category decider
 * @since 0.1.0
 */
export const decideHandOver = (command: HandOverAccount, state: AccountState, ctx: DecisionContext): E.Either<AccountError, ReadonlyArray<AccountEvent>> =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byAdmin(ctx, 'hand over an account')),
    E.filterOrElseW(
      () => command.data.successorId !== command.data.offboardedId,
      () => sameOwner('the successor cannot be the offboarded principal', 'data.successorId'),
    ),
    E.map((s) => handover(command, s, ctx)),
  )
