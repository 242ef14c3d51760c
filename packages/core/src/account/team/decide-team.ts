/**
 * Decisions of the account team.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { AccountEvent } from '../account-event.js'
import { alreadyTeamMember, notTeamMember, type AccountError } from '../account-errors.js'
import { byOwnerOrAdmin, notOffboarded, open } from '../account-guards.js'
import type { AccountState } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import type { AddTeamMember, RemoveTeamMember } from './team-commands.js'

type Decision = E.Either<AccountError, ReadonlyArray<AccountEvent>>

/** @category decider @since 0.1.0 */
export const decideAddMember = (command: AddTeamMember, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'change the team')),
    E.filterOrElseW(
      (s) => !Object.hasOwn(s.team, command.data.principalId),
      () => alreadyTeamMember(`${command.data.principalId} is in the team already`, 'data.principalId'),
    ),
    E.flatMap(notOffboarded(ctx, command.data.principalId, 'data.principalId')),
    E.map(() => [{ type: 'TeamMemberAdded', data: { ...command.data, addedBy: ctx.actor } }]),
  )

/** @category decider @since 0.1.0 */
export const decideRemoveMember = (command: RemoveTeamMember, state: AccountState, ctx: DecisionContext): Decision =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'change the team')),
    E.filterOrElseW(
      (s) => Object.hasOwn(s.team, command.data.principalId),
      () => notTeamMember(`${command.data.principalId} is not in the team`, 'data.principalId'),
    ),
    E.map(() => [{ type: 'TeamMemberRemoved', data: { ...command.data, removedBy: ctx.actor } }]),
  )
