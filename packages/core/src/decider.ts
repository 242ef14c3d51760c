/**
 * The decider: `decide` turns a command and the current state into events (or a refusal),
 * `evolve` folds an event into the state, `initialState` is where every stream starts.
 * Pure functions over data; the command handler does the I/O around them.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { DomainError } from './domain-error.js'

/**
 * A decider over commands `C`, events `Ev`, state `S`, in a decision context `Ctx`.
 * @category decider
 * @since 0.1.0
 */
export interface Decider<C, Ev, S, Ctx, Err extends DomainError = DomainError> {
  /** The events a command leads to in this state, or why it is refused; never reads the clock. */
  readonly decide: (command: C, state: S, context: Ctx) => E.Either<Err, ReadonlyArray<Ev>>
  /** The state after one more event. */
  readonly evolve: (state: S, event: Ev) => S
  readonly initialState: S
}

/**
 * The state after a sequence of events, folded in one pass.
 * @category decider
 * @since 0.1.0
 */
export const fold = <S, Ev>(decider: Pick<Decider<unknown, Ev, S, unknown, DomainError>, 'evolve'>, state: S, events: Iterable<Ev>): S => {
  let s = state
  for (const e of events) s = decider.evolve(s, e)
  return s
}
