/**
 * The handover process manager (Übergabeprozess): when a principal is offboarded, each account
 * they are part of is handed over — to the named successor, or orphaned without one — and their
 * grants end. It reacts to `PrincipalOffboarded` across streams by sending one `HandOverAccount`
 * per account, with a command id derived from the event and the account, so running it twice
 * (after a crash, on a replay) records nothing twice. The handover happens when the offboarding
 * happened (its `occurredAt`), archived accounts included; where an account already has later
 * events, business time cannot go back (invariant 9), so it is recorded at the earliest instant
 * allowed — the account's last event — and the outcome reports the delay.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { AccountError } from '../account/account-errors.js'
import type { AccountEvent } from '../account/account-event.js'
import type { HandOverAccount } from '../account/ownership/ownership-commands.js'
import type { AccountCommandInput } from '../command-handler/account-command-handler.js'
import type { CommandHandler, HandleError } from '../command-handler/command-handler.js'
import type { AccountId, CommandId, CorrelationId } from '../ids.js'
import { millisOf, type Instant } from '../instant.js'
import type { RecordedEvent } from '../store/recorded-event.js'
import type { AccountIndex } from './account-index.js'
import type { PrincipalOffboarded } from './principal-events.js'

/**
 * The outcome of one account's handover.
 * @category offboarding
 * @since 0.1.0
 */
export interface HandoverOutcome {
  readonly accountId: AccountId
  /** Events recorded now (or before, for a repeated run); empty when there was nothing to hand over. */
  readonly recorded: number
  /**
   * The business time the handover was decided at: the offboarding's, or the account's last
   * event where that is later. @since 0.2.0
   */
  readonly occurredAt: Instant
  /** How long after the offboarding the handover took effect, in milliseconds; 0 as a rule. @since 0.2.0 */
  readonly delayedByMs: number
  /** Why this account was not handed over. */
  readonly refused?: HandleError<AccountError>
}

/* Dated before the account's last event more often than this, the account is too busy to catch up with; the refusal is reported. */
const maxCatchUps = 3

/**
 * The handover command for one account, with its deterministic command id.
 * @category offboarding
 * @since 0.1.0
 */
export const handoverCommand = (event: RecordedEvent<PrincipalOffboarded>, accountId: AccountId): { command: HandOverAccount; commandId: CommandId } => ({
  command: { type: 'HandOverAccount', data: { accountId, offboardedId: event.data.principalId, successorId: event.data.successorId } },
  commandId: `handover:${event.metadata.eventId}:${accountId}` as CommandId,
})

/**
 * Hand over every account of an offboarded principal.
 * @category offboarding
 * @since 0.1.0
 */
export const handOver = async (
  deps: { readonly accounts: CommandHandler<AccountEvent, AccountError, AccountCommandInput>; readonly index: AccountIndex },
  event: RecordedEvent<PrincipalOffboarded>,
): Promise<ReadonlyArray<HandoverOutcome>> => {
  const outcomes: HandoverOutcome[] = []
  const offboardedAt = event.metadata.occurredAt
  for await (const accountId of deps.index.accountsOf(event.data.principalId)) {
    const { command, commandId } = handoverCommand(event, accountId)
    const handle = (occurredAt: Instant) =>
      deps.accounts.handle(command, {
        commandId,
        actor: event.data.offboardedBy,
        tenantId: event.metadata.tenantId,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.eventId as string as CorrelationId,
        occurredAt,
      })
    let occurredAt = offboardedAt
    let result = await handle(occurredAt)
    for (let catchUp = 0; catchUp < maxCatchUps && E.isLeft(result) && result.left._tag === 'OccurredBeforeLastEventError'; catchUp++) {
      occurredAt = result.left.lastOccurredAt
      result = await handle(occurredAt)
    }
    // A repeated run finds the events of the first and reports their time.
    if (E.isRight(result)) occurredAt = result.right.events[0]?.metadata.occurredAt ?? occurredAt
    const timing = { occurredAt, delayedByMs: millisOf(occurredAt) - millisOf(offboardedAt) }
    outcomes.push(E.isRight(result) ? { accountId, recorded: result.right.events.length, ...timing } : { accountId, recorded: 0, ...timing, refused: result.left })
  }
  return outcomes
}
