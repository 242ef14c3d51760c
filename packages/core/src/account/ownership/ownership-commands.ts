/**
 * Commands of ownership: assign, transfer (directly, or as a request under four eyes), approve,
 * reject, orphan — and the handover of an offboarded principal's account.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId, TransferId } from '../../ids.js'
import { ReasonCode } from '../../policy.js'
import { NonEmptyText, OrphanReason } from '../../vocabulary.js'

/** Give an account without owner its owner; admins only. @category commands @since 0.1.0 */
export const AssignOwner = message('AssignOwner', { accountId: AccountId, ownerId: PrincipalId })
/** @category commands @since 0.1.0 */
export type AssignOwner = t.TypeOf<typeof AssignOwner>

/**
 * Move the account to a new owner. Where the policy asks four eyes for the account's tier, this
 * records a request that someone else must approve; otherwise the owner changes at once.
 * `keepsTeam` (default `true`) says whether the account team carries over.
 * @category commands
 * @since 0.1.0
 */
export const TransferOwnership = message(
  'TransferOwnership',
  { accountId: AccountId, transferId: TransferId, toOwnerId: PrincipalId, reasonCode: ReasonCode },
  { keepsTeam: t.boolean },
)
/** @category commands @since 0.1.0 */
export type TransferOwnership = t.TypeOf<typeof TransferOwnership>

/** Approve a pending transfer; not by its requester, not by its new owner. @category commands @since 0.1.0 */
export const ApproveTransfer = message('ApproveTransfer', { accountId: AccountId, transferId: TransferId })
/** @category commands @since 0.1.0 */
export type ApproveTransfer = t.TypeOf<typeof ApproveTransfer>

/** Turn a pending transfer down. @category commands @since 0.1.0 */
export const RejectTransfer = message('RejectTransfer', { accountId: AccountId, transferId: TransferId, reason: NonEmptyText })
/** @category commands @since 0.1.0 */
export type RejectTransfer = t.TypeOf<typeof RejectTransfer>

/** Remove the owner without a successor; admins only. @category commands @since 0.1.0 */
export const OrphanAccount = message('OrphanAccount', { accountId: AccountId, reason: OrphanReason })
/** @category commands @since 0.1.0 */
export type OrphanAccount = t.TypeOf<typeof OrphanAccount>

/**
 * The handover (Übergabe) after a principal was offboarded: if they own the account it goes to
 * the successor, or is orphaned without one; their grants end and they leave the team. Sent by
 * the offboarding process manager; admins only.
 * @category commands
 * @since 0.1.0
 */
export const HandOverAccount = message('HandOverAccount', {
  accountId: AccountId,
  offboardedId: PrincipalId,
  successorId: t.union([PrincipalId, t.null]),
})
/** @category commands @since 0.1.0 */
export type HandOverAccount = t.TypeOf<typeof HandOverAccount>
