/**
 * The account decider: one account's ownership lifecycle (Kundenverantwortung) as
 * `decide / evolve / initialState`.
 *
 * @module
 */
import type { Decider } from '../decider.js'
import type { AccountCommand } from './account-command.js'
import type { AccountError } from './account-errors.js'
import type { AccountEvent } from './account-event.js'
import { initialAccountState, type AccountState } from './account-state.js'
import type { DecisionContext } from './decision-context.js'
import { decide } from './decide.js'
import { evolve } from './evolve.js'

/**
 * The decider of an account's stream.
 * @category decider
 * @since 0.1.0
 * @example
 * const state = fold(accountDecider, accountDecider.initialState, events)
 * const result = accountDecider.decide(command, state, { actor, now, policy })
 */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState, DecisionContext, AccountError> = {
  decide,
  evolve,
  initialState: initialAccountState,
}
