/**
 * Decisions of classification.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { AccountEvent } from '../account-event.js'
import type { AccountError } from '../account-errors.js'
import { byOwnerOrAdmin, open } from '../account-guards.js'
import type { AccountState } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'
import type { ClassifyAccount } from './classification-commands.js'

/** @category decider @since 0.1.0 */
export const decideClassify = (command: ClassifyAccount, state: AccountState, ctx: DecisionContext): E.Either<AccountError, ReadonlyArray<AccountEvent>> =>
  pipe(
    open(state, command.data.accountId),
    E.flatMap(byOwnerOrAdmin(ctx, 'classify the account')),
    E.map(() => [{ type: 'AccountClassified', data: { ...command.data, classifiedBy: ctx.actor } }]),
  )
