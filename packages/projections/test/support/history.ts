// Generated histories recorded through core's command handler on the in-memory store: two
// accounts under one policy, their steps merged in business-time order, each command decided
// at its step's time (`context.occurredAt`), refusals included and simply not recorded.
import { accountCommandHandler, accountDecider, inMemoryEventStore, plusMillis, type AccountEvent, type AccountState, type EventStore, type Instant, type RecordedEvent } from '@account-ownership/core'
import { account, cast, commandSequenceArbitrary, tenant, type CommandStep, policyArbitrary } from '@account-ownership/core/testing'
import fc from 'fast-check'

export interface History {
  readonly steps: ReadonlyArray<CommandStep>
  readonly policy: Parameters<typeof accountCommandHandler>[0]['policy']
}

export const accounts = [account('kunde-1'), account('kunde-2')] as const
export const principals = [cast.dora, cast.hanna, cast.felix, cast.sven] as const

export const historyArbitrary = (maxSteps = 30): fc.Arbitrary<History> =>
  policyArbitrary([cast.dora]).chain((policy) =>
    fc
      .tuple(...accounts.map((accountId) => commandSequenceArbitrary({ accountId, policy, principals: [...principals], maxSteps })))
      .map((sequences) => ({ policy, steps: sequences.flatMap((s) => s.steps).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) })),
  )

const day = 24 * 3600 * 1000

/** A history whose steps keep their order but half of them are dated up to five days earlier or later: often out of order. */
export const outOfOrderHistoryArbitrary = (maxSteps = 30): fc.Arbitrary<History> =>
  historyArbitrary(maxSteps).chain((history) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: -5 * day, max: 5 * day })), { minLength: history.steps.length, maxLength: history.steps.length })
      .map((shifts) => ({ ...history, steps: history.steps.map((step, i) => ({ ...step, at: plusMillis(step.at, shifts[i] ?? 0) })) })),
  )

let run = 0

/** Record `steps` into `store` (a new in-memory store by default). */
export const record = async (history: History, steps = history.steps, store: EventStore = inMemoryEventStore()): Promise<EventStore> => {
  const handler = accountCommandHandler({ store, policy: history.policy })
  run += 1
  let n = 0
  for (const step of steps) {
    await handler.handle(step.command, { commandId: `cmd-${run}-${++n}`, actor: step.actor, tenantId: tenant, occurredAt: step.at })
  }
  return store
}

export const eventsOf = async (store: EventStore): Promise<ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = []
  for await (const e of store.readAll()) events.push(e)
  return events
}

/** The state of an account folded from its events that occurred at or before `at`. */
export const replayUpTo = (events: ReadonlyArray<RecordedEvent>, accountId: string, at: Instant): AccountState =>
  events
    .filter((e) => e.metadata.streamId === `account-${accountId}` && e.metadata.occurredAt <= at)
    .reduce((s, e) => accountDecider.evolve(s, e as unknown as AccountEvent), accountDecider.initialState)
