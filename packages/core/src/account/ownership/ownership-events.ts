/**
 * Events of account ownership (Kundenverantwortung): assignment, the four-eyes transfer
 * (Übergabe) from request to decision, and the orphaned account without an owner.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId, TransferId } from '../../ids.js'
import { personalText } from '../../personal-text.js'
import { ReasonCode } from '../../policy.js'
import { maxFreeTextLength } from '../../text.js'
import { NonEmptyText, OrphanReason } from '../../vocabulary.js'

/**
 * The account got its first owner, or a new owner after it was orphaned.
 * @category events
 * @since 0.1.0
 */
export const OwnershipAssigned = message('OwnershipAssigned', {
  accountId: AccountId,
  ownerId: PrincipalId,
  assignedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type OwnershipAssigned = t.TypeOf<typeof OwnershipAssigned>

/**
 * A transfer that needs a second pair of eyes was asked for.
 * @category events
 * @since 0.1.0
 */
export const OwnershipTransferRequested = message('OwnershipTransferRequested', {
  accountId: AccountId,
  transferId: TransferId,
  fromOwnerId: PrincipalId,
  toOwnerId: PrincipalId,
  reasonCode: ReasonCode,
  requestedBy: PrincipalId,
  keepsTeam: t.boolean,
})
/** @category events @since 0.1.0 */
export type OwnershipTransferRequested = t.TypeOf<typeof OwnershipTransferRequested>

/**
 * Someone other than the requester and the new owner approved a pending transfer.
 * @category events
 * @since 0.1.0
 */
export const OwnershipTransferApproved = message('OwnershipTransferApproved', {
  accountId: AccountId,
  transferId: TransferId,
  approvedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type OwnershipTransferApproved = t.TypeOf<typeof OwnershipTransferApproved>

/**
 * A pending transfer was turned down; the owner stays. `reason` is free text, personal data of
 * the principal who wrote it (`rejectedBy`): plain, or sealed under their key.
 * @category events
 * @since 0.1.0
 */
export const OwnershipTransferRejected = message('OwnershipTransferRejected', {
  accountId: AccountId,
  transferId: TransferId,
  rejectedBy: PrincipalId,
  reason: personalText(NonEmptyText, maxFreeTextLength),
})
/** @category events @since 0.1.0 */
export type OwnershipTransferRejected = t.TypeOf<typeof OwnershipTransferRejected>

/**
 * The owner changed. `transferId` links it to its request when four eyes applied; `keepsTeam`
 * says whether the account team carries over to the new owner.
 * @category events
 * @since 0.1.0
 */
export const OwnershipTransferred = message(
  'OwnershipTransferred',
  {
    accountId: AccountId,
    fromOwnerId: PrincipalId,
    toOwnerId: PrincipalId,
    reasonCode: ReasonCode,
    transferredBy: PrincipalId,
    keepsTeam: t.boolean,
  },
  { transferId: TransferId },
)
/** @category events @since 0.1.0 */
export type OwnershipTransferred = t.TypeOf<typeof OwnershipTransferred>

/**
 * The owner left or was removed; the account has no owner until one is assigned.
 * @category events
 * @since 0.1.0
 */
export const AccountOrphaned = message('AccountOrphaned', {
  accountId: AccountId,
  previousOwnerId: PrincipalId,
  reason: OrphanReason,
})
/** @category events @since 0.1.0 */
export type AccountOrphaned = t.TypeOf<typeof AccountOrphaned>
