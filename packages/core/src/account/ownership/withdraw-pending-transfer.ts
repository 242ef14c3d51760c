/**
 * A pending transfer never disappears silently: when the account is orphaned, archived or handed
 * over while a transfer awaits its decision, the decision that supersedes it also records the
 * transfer as rejected — so read models never keep a request open forever.
 *
 * @module
 */
import type { AccountEvent } from '../account-event.js'
import type { OpenedAccount } from '../account-state.js'
import type { DecisionContext } from '../decision-context.js'

/**
 * The rejection of the account's pending transfer, if it has one.
 * @category decider
 * @since 0.1.0
 */
export const withdrawPendingTransfer = (s: OpenedAccount, ctx: DecisionContext, reason: string): ReadonlyArray<AccountEvent> =>
  s.pendingTransfer === null
    ? []
    : [{ type: 'OwnershipTransferRejected', data: { accountId: s.accountId, transferId: s.pendingTransfer.transferId, rejectedBy: ctx.actor, reason } }]
