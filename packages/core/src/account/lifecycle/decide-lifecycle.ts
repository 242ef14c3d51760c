/**
 * Decisions of the lifecycle: open, archive, restore. A restore hands over, in the same
 * decision, everyone on the account who was offboarded meanwhile (invariant 10).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { AccountEvent } from '../account-event.js'
import { accountAlreadyOpened, accountArchived, accountNotArchived, type AccountError } from '../account-errors.js'
import { byAdmin, byOwnerOrAdmin, existing, open } from '../account-guards.js'
import type { AccountState } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import { handOverTheOffboarded } from '../ownership/decide-handover.js'
import { withdrawPendingTransfer } from '../ownership/withdraw-pending-transfer.js'
import type { ArchiveAccount, OpenAccount, RestoreAccount } from './lifecycle-commands.js'

type Decision = E.Either<AccountError, ReadonlyArray<AccountEvent>>

/** @category decider @since 0.1.0 */
export const decideOpen = (command: OpenAccount, state: AccountState, ctx: DecisionContext): Decision =>
  state.status === 'unopened'
    ? E.right([{ type: 'AccountOpened', data: { ...command.data, openedBy: ctx.actor } }])
    : state.status === 'archived'
      ? E.left(accountArchived(`account ${state.accountId} is archived; only a restore is accepted`))
      : E.left(accountAlreadyOpened(`account ${state.accountId} is open already`, 'data.accountId'))

/** @category decider @since 0.1.0 */
export const decideArchive = (command: ArchiveAccount, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'archive the account')),
    E.map((s) => [
      ...withdrawPendingTransfer(s, ctx, 'the account was archived'),
      { type: 'AccountArchived', data: { ...command.data, archivedBy: ctx.actor } },
    ]),
  )

/** @category decider @since 0.1.0 */
export const decideRestore = (command: RestoreAccount, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    existing(state, command.data.accountId),
    E.filterOrElseW(
      (s) => s.status === 'archived',
      (s) => accountNotArchived(`account ${s.accountId} is not archived`),
    ),
    E.flatMap(byAdmin(ctx, 'restore an archived account')),
    E.map((s) => [{ type: 'AccountRestored', data: { ...command.data, restoredBy: ctx.actor } }, ...handOverTheOffboarded(s, ctx)]),
  )
