/**
 * Given/when/then — the specification of a decider that reads like the domain's rules: given these
 * events happened, when this command arrives, then these events follow (or the command is refused
 * with this error, or nothing happens). Built on `node:assert`, so it works under any test runner;
 * every failure says what was expected and what happened.
 *
 * @module
 */
import assert from 'node:assert/strict'
import * as E from 'fp-ts/lib/Either.js'
import type { DecisionContext } from '../account/decision-context.js'
import { fold, type Decider } from '../decider.js'
import type { DomainError } from '../domain-error.js'
import { decisionContext } from './fixtures.js'

/**
 * The outcome a `when` awaits its `then…` for.
 * @category testing
 * @since 0.1.0
 */
export interface Then<Ev, Err extends DomainError> {
  /** The command leads to exactly these events, in this order. */
  readonly then: (expected: ReadonlyArray<Ev>) => void
  /** The command is refused with an error of this tag (and, if given, blaming this field); returns the error. */
  readonly thenFails: (tag: Err['_tag'], field?: string) => Err
  /** The command is accepted and changes nothing: no events. */
  readonly thenNothing: () => void
}

/**
 * A specification with its history given, waiting for a command.
 * @category testing
 * @since 0.1.0
 */
export interface When<C, Ev, Err extends DomainError> {
  /** Decide `command` by `context` (merged over the spec's default context). */
  readonly when: (command: C, context?: Partial<DecisionContext>) => Then<Ev, Err>
}

/**
 * A specification of one decider.
 * @category testing
 * @since 0.1.0
 */
export interface Spec<C, Ev, Err extends DomainError> {
  /** The events that happened before, oldest first. */
  readonly given: (events?: ReadonlyArray<Ev>) => When<C, Ev, Err>
}

const show = (u: unknown): string => JSON.stringify(u, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v), 2)

const showError = (e: DomainError): string => `${e._tag}${e.field === undefined ? '' : ` (field ${e.field})`}: ${e.message}`

/* Keep node's diff of actual and expected, but lead with what the spec said. */
const equal = (actual: unknown, expected: unknown, what: string): void => {
  try {
    assert.deepStrictEqual(actual, expected)
  } catch (e) {
    if (!(e instanceof assert.AssertionError)) throw e
    throw new assert.AssertionError({ message: `${what}\n${e.message}`, actual, expected, operator: 'deepStrictEqual' })
  }
}

/**
 * Start a given/when/then specification of `decider`. Commands are decided in `defaultContext`
 * (by default: Dora, an admin, at the fixtures' epoch, under the test policy) unless `when`
 * overrides parts of it.
 * @category testing
 * @since 0.1.0
 * @example
 * import { accountDecider } from '@account-ownership/core'
 * import { account, cast, spec, tenant } from '@account-ownership/core/testing'
 *
 * const accountId = account()
 * const opened = { type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName: 'ACME', tier: 'standard', openedBy: cast.dora } } as const
 *
 * spec(accountDecider)
 *   .given([opened])
 *   .when({ type: 'AssignOwner', data: { accountId, ownerId: cast.hanna } })
 *   .then([{ type: 'OwnershipAssigned', data: { accountId, ownerId: cast.hanna, assignedBy: cast.dora } }])
 *
 * spec(accountDecider)
 *   .given([opened])
 *   .when({ type: 'AssignOwner', data: { accountId, ownerId: cast.hanna } }, { actor: cast.felix })
 *   .thenFails('NotAuthorizedError')
 */
export const spec = <C, Ev, S, Err extends DomainError>(
  decider: Decider<C, Ev, S, DecisionContext, Err>,
  defaultContext: DecisionContext = decisionContext(),
): Spec<C, Ev, Err> => ({
  given: (events = []) => ({
    when: (command, context = {}) => {
      const state = fold(decider, decider.initialState, events)
      const ctx: DecisionContext = { ...defaultContext, ...context }
      const decided = decider.decide(command, state, ctx)
      const happened = E.isLeft(decided) ? `it was refused with ${showError(decided.left)}` : `it led to ${show(decided.right)}`
      const command_ = `${show(command)} by ${ctx.actor}`
      return {
        then: (expected) => {
          if (E.isLeft(decided)) assert.fail(`expected ${command_} to lead to ${show(expected)}, but ${happened}`)
          equal(decided.right, expected, `expected ${command_} to lead to these events, but it led to others`)
        },
        thenFails: (tag, field) => {
          if (E.isRight(decided)) assert.fail(`expected ${command_} to be refused with ${tag}, but ${happened}`)
          equal(decided.left._tag, tag, `expected ${command_} to be refused with ${tag}, but ${happened}`)
          if (field !== undefined) equal(decided.left.field, field, `expected ${tag} to blame the field ${field}, but ${happened}`)
          return decided.left
        },
        thenNothing: () => {
          if (E.isLeft(decided)) assert.fail(`expected ${command_} to change nothing, but ${happened}`)
          equal(decided.right, [], `expected ${command_} to change nothing, but ${happened}`)
        },
      }
    },
  }),
})
