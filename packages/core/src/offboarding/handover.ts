/**
 * The handover process manager (Übergabeprozess): when a principal is offboarded, each account
 * they are part of is handed over — to the named successor, or orphaned without one — and their
 * grants end. It reacts to `PrincipalOffboarded` across streams by sending one `HandOverAccount`
 * per account, with a command id derived from the event and the account, so running it twice
 * (after a crash, on a replay) records nothing twice.
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
  /** Why this account was not handed over; an archived account is left as it is. */
  readonly refused?: HandleError<AccountError>
}

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
  for await (const accountId of deps.index.accountsOf(event.data.principalId)) {
    const { command, commandId } = handoverCommand(event, accountId)
    const result = await deps.accounts.handle(command, {
      commandId,
      actor: event.data.offboardedBy,
      tenantId: event.metadata.tenantId,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.eventId as string as CorrelationId,
    })
    outcomes.push(E.isRight(result) ? { accountId, recorded: result.right.events.length } : { accountId, recorded: 0, refused: result.left })
  }
  return outcomes
}
