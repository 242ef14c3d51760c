/**
 * The principal decider: a principal is active until offboarded, once; the successor they name
 * must still be active.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { principalOffboarded } from '../account/account-errors.js'
import { isAdmin } from '../account/account-guards.js'
import type { DecisionContext } from '../account/decision-context.js'
import type { Decider } from '../decider.js'
import { domainError, type DomainError } from '../domain-error.js'
import type { PrincipalCommand } from './principal-commands.js'
import type { PrincipalEvent } from './principal-events.js'

/**
 * A principal's state.
 * @category state
 * @since 0.1.0
 */
export type PrincipalState = { readonly status: 'active' } | { readonly status: 'offboarded' }

/** The principal was offboarded before. @category errors @since 0.1.0 */
export const principalAlreadyOffboarded = domainError('PrincipalAlreadyOffboardedError')
/** The successor is the principal being offboarded. @category errors @since 0.1.0 */
export const invalidSuccessor = domainError('InvalidSuccessorError')
/** Only admins offboard. @category errors @since 0.1.0 */
export const offboardingNotAuthorized = domainError('NotAuthorizedError')

/**
 * Any reason a principal command is refused.
 * @category errors
 * @since 0.1.0
 */
export type PrincipalError = DomainError<'PrincipalAlreadyOffboardedError' | 'InvalidSuccessorError' | 'PrincipalOffboardedError' | 'NotAuthorizedError' | 'InvalidCommandError'>

/**
 * The decider of a principal's stream.
 * @category decider
 * @since 0.1.0
 */
export const principalDecider: Decider<PrincipalCommand, PrincipalEvent, PrincipalState, DecisionContext, PrincipalError> = {
  initialState: { status: 'active' },
  evolve: () => ({ status: 'offboarded' }),
  decide: (command, state, ctx) => {
    const { principalId, successorId, reason } = command.data
    if (!isAdmin(ctx.policy, ctx.actor)) return E.left(offboardingNotAuthorized(`only an admin may offboard; ${ctx.actor} is none`))
    if (state.status === 'offboarded') return E.left(principalAlreadyOffboarded(`${principalId} was offboarded before`, 'data.principalId'))
    if (successorId === principalId) return E.left(invalidSuccessor(`${principalId} cannot succeed themselves`, 'data.successorId'))
    const successorLeft = successorId === null ? null : (ctx.offboarded?.(successorId) ?? null)
    if (successorLeft !== null) return E.left(principalOffboarded(`the successor ${successorId} was offboarded (${successorLeft.offboardedAt}) and cannot take over`, 'data.successorId'))
    return E.right([{ type: 'PrincipalOffboarded', data: { principalId, successorId, reason, offboardedBy: ctx.actor } }])
  },
}
