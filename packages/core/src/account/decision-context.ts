/**
 * What a decision knows besides the command and the state: who acts, when, and under which
 * policy. Passed in, never read from the environment.
 *
 * @module
 */
import type { PrincipalId } from '../ids.js'
import type { Instant } from '../instant.js'
import type { Policy } from '../policy.js'

/**
 * The context of one decision.
 * @category decider
 * @since 0.1.0
 */
export interface DecisionContext {
  readonly actor: PrincipalId
  readonly now: Instant
  readonly policy: Policy
}
