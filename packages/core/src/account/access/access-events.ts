/**
 * Events of access to an account's data (Zugriffsberechtigung): a grant with purpose and legal
 * basis, and its end by revocation or by expiry. Expiry is a fact recorded when it is observed;
 * until then the grant's `expiresAt` already bounds it.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, GrantId, PrincipalId } from '../../ids.js'
import { Instant } from '../../instant.js'
import { personalText } from '../../personal-text.js'
import { PurposeCode } from '../../policy.js'
import { maxFreeTextLength } from '../../text.js'
import { AccessScope, LegalBasis, NonEmptyText, RevocationReason } from '../../vocabulary.js'

/**
 * A principal may access the account's data for a purpose, on a legal basis, until `expiresAt`
 * (`null` only where the policy allows grants without expiry). `purpose` is a code of the
 * policy; `purposeNote`, what the grant is for in particular, is free text and so personal data
 * of the grantee: plain, or sealed under the grantee's key in an encrypting store's log.
 *
 * Schema version 2 (0.3.0). Version 1 held a free-text `purpose`; it reads as the purpose code
 * `recorded-as-text` with that text as its note (see `upcastFreeTextPurpose`).
 * @category events
 * @since 0.1.0
 */
export const AccessGranted = message(
  'AccessGranted',
  {
    accountId: AccountId,
    grantId: GrantId,
    granteeId: PrincipalId,
    scope: AccessScope,
    purpose: PurposeCode,
    legalBasis: LegalBasis,
    grantedBy: PrincipalId,
    validFrom: Instant,
    expiresAt: t.union([Instant, t.null]),
  },
  { purposeNote: personalText(NonEmptyText, maxFreeTextLength) },
)
/** @category events @since 0.1.0 */
export type AccessGranted = t.TypeOf<typeof AccessGranted>

/**
 * A grant ended before its expiry.
 * @category events
 * @since 0.1.0
 */
export const AccessRevoked = message('AccessRevoked', {
  accountId: AccountId,
  grantId: GrantId,
  revokedBy: PrincipalId,
  reason: RevocationReason,
})
/** @category events @since 0.1.0 */
export type AccessRevoked = t.TypeOf<typeof AccessRevoked>

/**
 * A grant's expiry was observed and recorded.
 * @category events
 * @since 0.1.0
 */
export const AccessExpired = message('AccessExpired', {
  accountId: AccountId,
  grantId: GrantId,
  expiredAt: Instant,
})
/** @category events @since 0.1.0 */
export type AccessExpired = t.TypeOf<typeof AccessExpired>
