/**
 * Decisions of the account map.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { AccountEvent } from '../account-event.js'
import { stakeholderAlreadyMapped, stakeholderNotMapped, type AccountError } from '../account-errors.js'
import { byOwnerOrAdmin, open } from '../account-guards.js'
import type { AccountState } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import type { MapStakeholder, RemoveStakeholder } from './stakeholder-commands.js'

type Decision = E.Either<AccountError, ReadonlyArray<AccountEvent>>

/** @category decider @since 0.1.0 */
export const decideMapStakeholder = (command: MapStakeholder, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'change the account map')),
    E.filterOrElseW(
      (s) => !s.stakeholders.includes(command.data.stakeholderId),
      () => stakeholderAlreadyMapped(`${command.data.stakeholderId} is on the account map already`, 'data.stakeholderId'),
    ),
    E.map(() => [{ type: 'StakeholderMapped', data: { ...command.data, mappedBy: ctx.actor } }]),
  )

/** @category decider @since 0.1.0 */
export const decideRemoveStakeholder = (command: RemoveStakeholder, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'change the account map')),
    E.filterOrElseW(
      (s) => s.stakeholders.includes(command.data.stakeholderId),
      () => stakeholderNotMapped(`${command.data.stakeholderId} is not on the account map`, 'data.stakeholderId'),
    ),
    E.map(() => [{ type: 'StakeholderRemoved', data: { ...command.data, removedBy: ctx.actor } }]),
  )
