/* Walk a generated command sequence step by step, handing each check the decision, the
   independent reading before and after it, and the library's own state after it. */
import * as E from 'fp-ts/lib/Either.js'
import { evolve, fold, type AccountEvent, type AccountState } from '@account-ownership/core'
import { runCommandSequence, type CommandSequence, type DecidedStep } from '@account-ownership/core/testing'
import { read, unread, type AccountReading } from './account-reading.js'

export interface Walked extends DecidedStep {
  readonly events: ReadonlyArray<AccountEvent>
  readonly before: AccountReading
  readonly after: AccountReading
  readonly stateAfter: AccountState
}

export const walk = (sequence: CommandSequence, check: (walked: Walked) => void): void => {
  let reading = unread
  for (const decided of runCommandSequence(sequence)) {
    const events = E.isRight(decided.result) ? decided.result.right : []
    const after = events.reduce(read, reading)
    check({ ...decided, events, before: reading, after, stateAfter: fold({ evolve }, decided.state, events) })
    reading = after
  }
}

/** fast-check runs per property; cheap enough to go well beyond the default. */
export const numRuns = 300
