/**
 * Every staged account planned and recorded, in account id order. Accounts are separate streams,
 * so several are recorded at once: a store that commits concurrent appends together (SQLite's
 * group commit) then syncs once for many accounts. A store failure stops the run after the
 * accounts already under way; what was recorded stays, and a new run goes on from there.
 *
 * @module
 */
import type { EventStore, StoreError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { MigrationSummary } from '../migration-summary.js'
import type { RowProblem } from '../row-problem.js'
import type { StagingArea } from '../staging/staging-area.js'
import { planAccount, type PlanSettings } from './account-plan.js'
import { recordAccount, type AccountOutcome, type RecordSettings } from './record-account.js'

/**
 * The counts of the accounts recorded.
 * @category migration
 * @since 0.3.0
 */
export type RecordedAccounts = Pick<MigrationSummary, 'accounts' | 'events' | 'unchanged'>

/**
 * What recording the accounts needs.
 * @category migration
 * @since 0.3.0
 */
export interface RecordAccountsSettings {
  readonly plan: PlanSettings
  readonly record: RecordSettings
  readonly problem: (p: RowProblem) => void
  readonly progress?: (p: { readonly phase: 'record'; readonly done: number; readonly total: number }) => void
}

/* How many accounts are recorded at once. */
const accountsAtOnce = 64

/**
 * Plan and record every account of `staging` in `store`.
 * @category migration
 * @since 0.3.0
 */
export const recordAccounts = async (staging: StagingArea, store: EventStore, settings: RecordAccountsSettings): Promise<E.Either<StoreError, RecordedAccounts>> => {
  const accounts = { recorded: 0, resumed: 0, alreadyImported: 0, skipped: 0 }
  const total = staging.accountCount()
  let events = 0
  let unchanged = 0
  let done = 0
  const count = (outcome: AccountOutcome): void => {
    if (outcome._tag === 'recorded') {
      accounts.recorded++
      if (outcome.resumed) accounts.resumed++
      events += outcome.events
    } else if (outcome._tag === 'already-imported') accounts.alreadyImported++
    else accounts.skipped++
    settings.progress?.({ phase: 'record', done: ++done, total })
  }
  const inFlight: Array<Promise<E.Either<StoreError, AccountOutcome>>> = []
  let failure: StoreError | null = null
  const settleOldest = async (): Promise<void> => {
    const outcome = await inFlight.shift()!
    if (E.isLeft(outcome)) failure ??= outcome.left
    else count(outcome.right)
  }
  for (const account of staging.accounts()) {
    if (failure !== null) break
    const plan = planAccount(account, staging.changesOf(account.accountId), settings.plan)
    plan.problems.forEach(settings.problem)
    unchanged += plan.unchanged
    inFlight.push(recordAccount(store, plan, settings.record, settings.problem))
    if (inFlight.length >= accountsAtOnce) await settleOldest()
  }
  while (inFlight.length > 0) await settleOldest()
  return failure !== null ? E.left(failure) : E.right({ accounts, events, unchanged })
}
