/**
 * Recording one account's plan in the log. The account's stream is read first:
 *   - events this import did not write (their command ids are no keys of the plan) mean the
 *     account lives in the log already — it is reported with the dates and left alone;
 *   - events it did write (an earlier run, killed or complete) are kept, and only the rest of
 *     the plan is decided on top of them, so a second run adds nothing and a killed run ends in
 *     the same state as an uninterrupted one;
 *   - a source row whose key the stream holds with another time is another row under a known id
 *     (a file that numbers its rows anew): it is reported and left out, never taken as recorded.
 * Each step is decided by core's account decider at its own business time (never before the
 * stream's last event) and all of an account's new events are appended at once, with the
 * stream's version as the expected version. A command id is an idempotency key within its stream
 * (core's invariant 6), an event id is one in the whole store: event ids derive from the account
 * and the command id, so a repeated append is recognised by the store too, and the same row key
 * in two accounts' histories never collides. A store that holds one of the event ids elsewhere
 * all the same gets the account reported with the row, not a run that stops at it again and again.
 *
 * @module
 */
import {
  accountDecider,
  accountStream,
  decodeAccountCommand,
  defaultPolicy,
  instantOf,
  isStoreError,
  notBeforeLastEvent,
  type AccountEvent,
  type AccountId,
  type AccountState,
  type AppendError,
  type EventStore,
  type Instant,
  type NewEvent,
  type Policy,
  type RecordedEvent,
  type StoreError,
  type StreamVersion,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { createHash } from 'node:crypto'
import { sourceFields } from '../owner-change.js'
import { rowProblem, type RowProblem } from '../row-problem.js'
import { migratedReasonCode, type AccountPlan, type PlannedStep } from './account-plan.js'

/**
 * What became of one account.
 * @category migration
 * @since 0.3.0
 */
export type AccountOutcome =
  | { readonly _tag: 'recorded'; readonly events: number; readonly resumed: boolean }
  | { readonly _tag: 'already-imported' }
  | { readonly _tag: 'skipped' }

/**
 * Who records, for which tenant, and whether for real.
 * @category migration
 * @since 0.3.0
 */
export interface RecordSettings {
  readonly importedBy: string
  readonly tenantId: string
  readonly dryRun: boolean
}

/* History already happened: no transfer waits for a second pair of eyes, and the importer may record every change. */
const importPolicy = (importedBy: string, reasonCode: string | undefined): Policy => ({
  ...defaultPolicy,
  fourEyes: { key: false, 'high-value': false, standard: false },
  reasonCodes: [...new Set([...defaultPolicy.reasonCodes, migratedReasonCode, ...(reasonCode === undefined ? [] : [reasonCode])])],
  admins: [importedBy],
})

const reasonOf = (step: PlannedStep): string | undefined => (step.command.type === 'TransferOwnership' ? step.command.data.reasonCode : undefined)

const readStream = async (store: EventStore, accountId: string): Promise<E.Either<StoreError, ReadonlyArray<RecordedEvent>>> => {
  try {
    const events: RecordedEvent[] = []
    for await (const e of store.readStream(accountStream(accountId as AccountId))) events.push(e)
    return E.right(events)
  } catch (e) {
    if (isStoreError(e)) return E.left(e)
    throw e
  }
}

/* The store-wide id of the `index`th event of a command of `accountId`: the command id's system prefix and a digest of both (at most 128 characters). */
const eventIdOf = (accountId: string, commandId: string, index: number): string =>
  `${commandId.slice(0, commandId.indexOf(':') + 1)}${createHash('sha256').update(`${accountId}\u0000${commandId}`).digest('hex').slice(0, 40)}.${index}`

/* Business time of the first event each command recorded in the stream. */
const recordedTimes = (events: ReadonlyArray<RecordedEvent>): ReadonlyMap<string, string> => {
  const times = new Map<string, string>()
  for (const e of events) if (!times.has(e.metadata.commandId)) times.set(e.metadata.commandId, e.metadata.occurredAt)
  return times
}

const span = (events: ReadonlyArray<RecordedEvent>): string => {
  const dates = events.map((e) => e.metadata.occurredAt).sort()
  return dates.length === 1 ? `${dates[0]}` : `${dates[0]} to ${dates[dates.length - 1]}`
}

/**
 * Record the plan of one account in `store` (or, in a dry run, decide it only); problems go to `problem`.
 * @category migration
 * @since 0.3.0
 */
export const recordAccount = async (store: EventStore, plan: AccountPlan, settings: RecordSettings, problem: (p: RowProblem) => void): Promise<E.Either<StoreError, AccountOutcome>> => {
  const existing = await readStream(store, plan.accountId)
  if (E.isLeft(existing)) return existing
  const keys = new Set(plan.steps.map((s) => s.commandId))
  const foreign = existing.right.filter((e) => !keys.has(e.metadata.commandId))
  const firstStep = plan.steps[0]
  if (foreign.length > 0 && firstStep !== undefined) {
    const historyFrom = instantOf(firstStep.occurredAt)
    const later = foreign.filter((e) => e.metadata.occurredAt > historyFrom)
    problem(
      later.length > 0
        ? rowProblem('later-events', plan.place, plan.idField, `account ${plan.accountId} has ${later.length} event(s) in the log dated after its history begins (${historyFrom}): ${span(later)}; not imported`)
        : rowProblem('later-events', plan.place, plan.idField, `account ${plan.accountId} is in the log already (events ${span(foreign)}, none after its history begins at ${historyFrom}); not imported`),
    )
    return E.right({ _tag: 'skipped' })
  }
  const recorded = recordedTimes(existing.right)
  let state: AccountState = existing.right.reduce((s: AccountState, e) => accountDecider.evolve(s, e as unknown as AccountEvent), accountDecider.initialState)
  let lastAt: Instant | null = existing.right.at(-1)?.metadata.occurredAt ?? null
  const version: StreamVersion = existing.right.at(-1)?.metadata.streamVersion ?? 'no-stream'
  const events: NewEvent[] = []
  const stepOfEvent = new Map<string, PlannedStep>()
  for (const step of plan.steps) {
    const recordedAt = recorded.get(step.commandId)
    if (recordedAt !== undefined) {
      if (step.fromRow && Date.parse(recordedAt) !== step.occurredAt) {
        problem(rowProblem('duplicate-id', step.place, sourceFields(step.commandId).rowId, `names a row that the log holds with another time (${recordedAt}): the same id for another row; left out`))
      }
      continue
    }
    const command = decodeAccountCommand(step.command)
    const at = notBeforeLastEvent(instantOf(step.occurredAt), lastAt)
    const decided = E.isLeft(command)
      ? E.left({ message: command.left.message })
      : E.isLeft(at)
        ? at
        : accountDecider.decide(command.right, state, { actor: settings.importedBy as never, now: at.right, policy: importPolicy(settings.importedBy, reasonOf(step)) })
    if (E.isLeft(decided)) {
      problem(rowProblem('refused', step.place, step.field, decided.left.message))
      continue
    }
    const actor = step.changedBy === null || step.changedBy === settings.importedBy ? { principalId: settings.importedBy } : { principalId: settings.importedBy, onBehalfOf: step.changedBy }
    const metadata = { occurredAt: instantOf(step.occurredAt), actor, tenantId: settings.tenantId, correlationId: step.commandId, causationId: step.commandId, commandId: step.commandId }
    decided.right.forEach((event, i) => {
      const eventId = eventIdOf(plan.accountId, step.commandId, i)
      stepOfEvent.set(eventId, step)
      events.push({ ...event, metadata: { ...metadata, eventId } } as NewEvent)
      state = accountDecider.evolve(state, event)
    })
    lastAt = metadata.occurredAt
  }
  if (events.length === 0) return E.right(recorded.size > 0 ? { _tag: 'already-imported' } : { _tag: 'skipped' })
  if (!settings.dryRun) {
    const appended = await store.append(accountStream(plan.accountId as AccountId), events, { expectedVersion: version })
    if (E.isLeft(appended)) return refusedAppend(plan, appended.left, stepOfEvent, problem)
  }
  return E.right({ _tag: 'recorded', events: events.length, resumed: recorded.size > 0 })
}

/* An append the store refused: input it cannot take, or an event id it holds elsewhere, is the account's problem; any other failure stops the run. */
const refusedAppend = (plan: AccountPlan, failure: AppendError, stepOfEvent: ReadonlyMap<string, PlannedStep>, problem: (p: RowProblem) => void): E.Either<StoreError, AccountOutcome> => {
  if (failure._tag === 'InvalidStoreInputError') return E.right(reportRefusal(plan, failure.message, problem))
  const step = failure._tag === 'DuplicateEventError' ? stepOfEvent.get(failure.eventId) : undefined
  return step === undefined ? E.left(failure) : E.right(reportHeldElsewhere(plan, step, problem))
}

const reportRefusal = (plan: AccountPlan, message: string, problem: (p: RowProblem) => void): AccountOutcome => {
  problem(rowProblem('refused', plan.place, plan.idField, `the store refused the account's events: ${message}`))
  return { _tag: 'skipped' }
}

/* The store holds an event of `step` in another stream: the row is blamed, and the account left out (its events go in one append or not at all). */
const reportHeldElsewhere = (plan: AccountPlan, step: PlannedStep, problem: (p: RowProblem) => void): AccountOutcome => {
  problem(rowProblem('duplicate-id', step.place, sourceFields(step.commandId).rowId, `the log holds this row's event in another account's stream already; account ${plan.accountId} not imported`))
  return { _tag: 'skipped' }
}
