/**
 * What a decision knows besides the command and the state: who acts, when, under which
 * policy, and who has been offboarded. Passed in, never read from the environment.
 *
 * @module
 */
import type { PrincipalId } from '../ids.js'
import type { Instant } from '../instant.js'
import type { OffboardingLookup } from '../offboarding/principal-directory.js'
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
  /**
   * Who was offboarded (invariant 10): nobody given, none known. The command handler fills it
   * from its `PrincipalDirectory` for the principals the command and the state name.
   * @since 0.2.0
   */
  readonly offboarded?: OffboardingLookup
}
