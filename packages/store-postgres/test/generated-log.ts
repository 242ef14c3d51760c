/**
 * A log with generated histories of many accounts (transfers, grants, team, archives, …) from the
 * test kit's command sequences, appended round-robin so that stream order and global order differ.
 *
 * @module
 */
import { accountStream, type AccountId, type EventStore } from '@account-ownership/core'
import { commandSequenceArbitrary, newEvent, runCommandSequence } from '@account-ownership/core/testing'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'

/** Append the histories of `accounts` accounts drawn with `seed`; answers how many events. */
export const appendGeneratedLog = async (store: EventStore, accounts: number, seed = 42): Promise<number> => {
  const histories = Array.from({ length: accounts }, (_, a) => {
    const accountId = `kunde-${a}` as AccountId
    const [sequence] = fc.sample(commandSequenceArbitrary({ accountId }), { seed: seed + a, numRuns: 1 })
    return runCommandSequence(sequence!).flatMap((decided, s) =>
      E.isRight(decided.result) && decided.result.right.length > 0
        ? [decided.result.right.map((e, i) => newEvent(e, { eventId: `${accountId}-${s}-${i}`, at: decided.step.at, actor: decided.step.actor }))]
        : [],
    )
  })
  let appended = 0
  const versions = new Map<number, bigint | 'no-stream'>()
  for (let round = 0; histories.some((h) => h.length > round); round++) {
    for (const [a, history] of histories.entries()) {
      const events = history[round]
      if (events === undefined) continue
      const result = await store.append(accountStream(`kunde-${a}` as AccountId), events, { expectedVersion: versions.get(a) ?? 'no-stream' })
      if (E.isLeft(result)) throw result.left
      versions.set(a, result.right.nextExpectedVersion)
      appended += events.length
    }
  }
  return appended
}

