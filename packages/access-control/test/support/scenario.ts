// A small history told step by step — who did what when — recorded through core's command
// handlers (the handover reacting to each offboarding), with its read models in a SQLite file.
import {
  accountCommandHandler,
  handOver,
  inMemoryEventStore,
  principalCommandHandler,
  scanAccountIndex,
  type AccountCommand,
  type EventStore,
  type PrincipalId,
  type PrincipalOffboarded,
  type RecordedEvent,
} from '@account-ownership/core'
import { tenant, testPolicy } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { readModelsOf, type Tables } from './recorded-history.js'

export type Step = readonly [at: string, actor: string, command: AccountCommand | { readonly type: 'Offboard'; readonly principalId: string }]

export const recordSteps = async (steps: ReadonlyArray<Step>, store: EventStore = inMemoryEventStore()): Promise<EventStore> => {
  const accounts = accountCommandHandler({ store, policy: testPolicy })
  const principals = principalCommandHandler({ store, policy: testPolicy })
  const index = scanAccountIndex(store)
  for (const [i, [at, actor, command]] of steps.entries()) {
    const context = { commandId: `step-${i}`, actor: actor as PrincipalId, tenantId: tenant, occurredAt: at }
    if (command.type === 'Offboard') {
      const offboarded = await principals.handle({ type: 'OffboardPrincipal', data: { principalId: command.principalId as PrincipalId, successorId: null, reason: 'Leaves' } }, context)
      if (E.isLeft(offboarded)) throw new Error(`step ${i}: ${offboarded.left.message}`)
      await handOver({ accounts, index }, offboarded.right.events[0] as RecordedEvent<PrincipalOffboarded>)
      continue
    }
    const handled = await accounts.handle(command, context)
    if (E.isLeft(handled)) throw new Error(`step ${i} (${command.type}): ${handled.left.message}`)
  }
  return store
}

export const scenarioReadModels = async (steps: ReadonlyArray<Step>, file: string): Promise<{ readonly store: EventStore; readonly db: Kysely<Tables> }> => {
  const store = await recordSteps(steps)
  return { store, db: await readModelsOf(store, file) }
}
