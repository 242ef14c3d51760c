/**
 * Decisions of ownership. They keep invariants 1, 3 and 4: never two owners; a transfer names a
 * known reason code and a new owner; a four-eyes transfer is approved by someone who is neither
 * its requester nor its new owner.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { PrincipalId } from '../../ids.js'
import { knownReasonCodes } from '../../policy.js'
import type { AccountEvent } from '../account-event.js'
import {
  fourEyesViolation,
  noOwner,
  ownerAlreadyAssigned,
  sameOwner,
  transferAlreadyExists,
  transferAlreadyPending,
  transferNotPending,
  unknownReasonCode,
  type AccountError,
} from '../account-errors.js'
import { byAdmin, byOwnerOrAdmin, notOffboarded, open } from '../account-guards.js'
import type { AccountState, OpenedAccount, PendingTransfer } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import { withdrawPendingTransfer } from './withdraw-pending-transfer.js'
import type { ApproveTransfer, AssignOwner, OrphanAccount, RejectTransfer, TransferOwnership } from './ownership-commands.js'

type Decision = E.Either<AccountError, ReadonlyArray<AccountEvent>>

const owner = (s: OpenedAccount): E.Either<AccountError, PrincipalId> =>
  s.ownership.kind === 'owned'
    ? E.right(s.ownership.ownerId)
    : E.left(noOwner(`account ${s.accountId} has no owner; assign one instead`))

const pending = (s: OpenedAccount, transferId: string): E.Either<AccountError, PendingTransfer> =>
  s.pendingTransfer !== null && s.pendingTransfer.transferId === transferId
    ? E.right(s.pendingTransfer)
    : E.left(transferNotPending(`no transfer ${transferId} awaits a decision on account ${s.accountId}`, 'data.transferId'))

/** @category decider @since 0.1.0 */
export const decideAssign = (command: AssignOwner, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byAdmin(ctx, 'assign an owner')),
    E.filterOrElseW(
      (s) => s.ownership.kind !== 'owned',
      (s) => ownerAlreadyAssigned(`account ${s.accountId} is owned by ${s.ownership.kind === 'owned' ? s.ownership.ownerId : ''}; transfer it instead`, 'data.ownerId'),
    ),
    E.flatMap(notOffboarded(ctx, command.data.ownerId, 'data.ownerId')),
    E.map(() => [{ type: 'OwnershipAssigned', data: { ...command.data, assignedBy: ctx.actor } }]),
  )

/** @category decider @since 0.1.0 */
export const decideTransfer = (command: TransferOwnership, state: AccountState, ctx: DecisionContext): Decision => {
  const { accountId, transferId, toOwnerId, reasonCode } = command.data
  const keepsTeam = command.data.keepsTeam ?? true
  return pipe(
    open(state, accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'transfer the account')),
    E.bindTo('account'),
    E.bind('fromOwnerId', ({ account }) => owner(account)),
    E.filterOrElseW(
      ({ fromOwnerId }) => fromOwnerId !== toOwnerId,
      () => sameOwner(`${toOwnerId} owns the account already`, 'data.toOwnerId'),
    ),
    E.flatMap(notOffboarded(ctx, toOwnerId, 'data.toOwnerId')),
    E.filterOrElseW(
      () => knownReasonCodes(ctx.policy).includes(reasonCode),
      () => unknownReasonCode(`reason code ${reasonCode} is not one of ${knownReasonCodes(ctx.policy).join(', ')}`, 'data.reasonCode'),
    ),
    E.filterOrElseW(
      ({ account }) => !account.transferIds.includes(transferId),
      () => transferAlreadyExists(`transfer ${transferId} was requested before; name a new transfer id`, 'data.transferId'),
    ),
    E.filterOrElseW(
      ({ account }) => account.pendingTransfer === null,
      ({ account }) => transferAlreadyPending(`transfer ${account.pendingTransfer?.transferId} awaits its decision first`),
    ),
    E.map(({ account, fromOwnerId }): ReadonlyArray<AccountEvent> =>
      ctx.policy.fourEyes[account.tier]
        ? [{ type: 'OwnershipTransferRequested', data: { accountId, transferId, fromOwnerId, toOwnerId, reasonCode, requestedBy: ctx.actor, keepsTeam } }]
        : [{ type: 'OwnershipTransferred', data: { accountId, transferId, fromOwnerId, toOwnerId, reasonCode, transferredBy: ctx.actor, keepsTeam } }],
    ),
  )
}

/** @category decider @since 0.1.0 */
export const decideApprove = (command: ApproveTransfer, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'approve a transfer')),
    E.flatMap((s) => pending(s, command.data.transferId)),
    E.flatMap((p) => notOffboarded(ctx, p.toOwnerId, 'data.transferId')(p)),
    E.filterOrElseW(
      (p) => ctx.actor !== p.requestedBy && ctx.actor !== p.toOwnerId,
      (p) => fourEyesViolation(`${ctx.actor} ${ctx.actor === p.requestedBy ? 'requested' : 'would receive'} transfer ${p.transferId} and cannot approve it`),
    ),
    E.map((p): ReadonlyArray<AccountEvent> => {
      const { accountId, transferId } = command.data
      return [
        { type: 'OwnershipTransferApproved', data: { accountId, transferId, approvedBy: ctx.actor } },
        {
          type: 'OwnershipTransferred',
          data: { accountId, transferId, fromOwnerId: p.fromOwnerId, toOwnerId: p.toOwnerId, reasonCode: p.reasonCode, transferredBy: ctx.actor, keepsTeam: p.keepsTeam },
        },
      ]
    }),
  )

/** @category decider @since 0.1.0 */
export const decideReject = (command: RejectTransfer, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'reject a transfer')),
    E.flatMap((s) => pending(s, command.data.transferId)),
    E.map(() => [{ type: 'OwnershipTransferRejected', data: { ...command.data, rejectedBy: ctx.actor } }]),
  )

/** @category decider @since 0.1.0 */
export const decideOrphan = (command: OrphanAccount, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byAdmin(ctx, 'remove an owner')),
    E.bindTo('account'),
    E.bind('previousOwnerId', ({ account }) => owner(account)),
    E.map(({ account, previousOwnerId }) => [
      ...withdrawPendingTransfer(account, ctx, 'the account was orphaned'),
      { type: 'AccountOrphaned', data: { ...command.data, previousOwnerId } },
    ]),
  )

