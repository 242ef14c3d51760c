/**
 * Commands of access: grant for a purpose on a legal basis, revoke, and record an observed expiry.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, GrantId, PrincipalId } from '../../ids.js'
import { Instant } from '../../instant.js'
import { PurposeCode } from '../../policy.js'
import { AccessScope, LegalBasis, NonEmptyText, RevocationReason } from '../../vocabulary.js'

/**
 * Let a principal access the account's data from `validFrom` (now, when absent; a later instant
 * schedules the grant) until `expiresAt`, for a purpose the policy lists, with an optional note;
 * owner or admin. The policy's longest grant counts from `validFrom`.
 * @category commands
 * @since 0.1.0
 */
export const GrantAccess = message('GrantAccess', {
  accountId: AccountId,
  grantId: GrantId,
  granteeId: PrincipalId,
  scope: AccessScope,
  purpose: PurposeCode,
  legalBasis: LegalBasis,
  expiresAt: t.union([Instant, t.null]),
}, { validFrom: Instant, purposeNote: NonEmptyText })
/** @category commands @since 0.1.0 */
export type GrantAccess = t.TypeOf<typeof GrantAccess>

/** End an active grant now; owner or admin. @category commands @since 0.1.0 */
export const RevokeAccess = message('RevokeAccess', { accountId: AccountId, grantId: GrantId, reason: RevocationReason })
/** @category commands @since 0.1.0 */
export type RevokeAccess = t.TypeOf<typeof RevokeAccess>

/** Record that an active grant has passed its expiry. @category commands @since 0.1.0 */
export const RecordAccessExpiry = message('RecordAccessExpiry', { accountId: AccountId, grantId: GrantId })
/** @category commands @since 0.1.0 */
export type RecordAccessExpiry = t.TypeOf<typeof RecordAccessExpiry>
