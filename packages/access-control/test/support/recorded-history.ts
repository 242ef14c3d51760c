// Generated histories (core's offboarding histories: two accounts, commands at random, principals
// offboarded in between with the handover reacting at once) recorded on an in-memory store, and
// the read models this package decides from, built in a real SQLite file.
import {
  accountCommandHandler,
  accountDecider,
  handOver,
  inMemoryEventStore,
  principalCommandHandler,
  scanAccountIndex,
  type AccountEvent,
  type AccountState,
  type EventStore,
  type Instant,
  type PrincipalOffboarded,
  type RecordedEvent,
} from '@account-ownership/core'
import { tenant, type OffboardingHistory } from '@account-ownership/core/testing'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { decisionProjections, type DecisionTables } from '@account-ownership/access-control'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'

export type Tables = ReadModels & DecisionTables

export const recordHistory = async (history: OffboardingHistory, store: EventStore = inMemoryEventStore()): Promise<EventStore> => {
  const accounts = accountCommandHandler({ store, policy: history.policy })
  const principals = principalCommandHandler({ store, policy: history.policy })
  const index = scanAccountIndex(store)
  for (const [i, step] of history.steps.entries()) {
    const context = { commandId: `cmd-${i}`, actor: step.actor, tenantId: tenant, occurredAt: step.at }
    if (step.kind === 'account') {
      await accounts.handle(step.command, context)
      continue
    }
    const offboarded = await principals.handle({ type: 'OffboardPrincipal', data: { principalId: step.principalId, successorId: step.successorId, reason: 'Leaves' } }, context)
    if (E.isRight(offboarded)) await handOver({ accounts, index }, offboarded.right.events[0] as RecordedEvent<PrincipalOffboarded>)
  }
  return store
}

export const eventsOf = async (store: EventStore): Promise<ReadonlyArray<RecordedEvent>> => {
  const events: RecordedEvent[] = []
  for await (const e of store.readAll()) events.push(e)
  return events
}

/** The read models of `store` in a new SQLite file at `file`, caught up. */
export const readModelsOf = async (store: EventStore, file: string): Promise<Kysely<Tables>> => {
  const db = sqliteReadModels<Tables>(file)
  const outcome = await projectionRuntime({ store, db, projections: [...readModelProjections, ...decisionProjections], batchSize: 7 }).runUntilCaughtUp()
  if (E.isLeft(outcome)) throw outcome.left
  return db
}

/** The state of an account folded from its events that occurred at or before `at`. */
export const replayUpTo = (events: ReadonlyArray<RecordedEvent>, accountId: string, at: Instant): AccountState =>
  events
    .filter((e) => e.metadata.streamId === `account-${accountId}` && e.metadata.occurredAt <= at)
    .reduce((s, e) => accountDecider.evolve(s, e as unknown as AccountEvent), accountDecider.initialState)
