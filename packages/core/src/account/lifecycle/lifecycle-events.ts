/**
 * Events of an account's lifecycle: opened, archived (Archivierung) and restored.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId, TenantId } from '../../ids.js'
import { personalText } from '../../personal-text.js'
import { maxNameLength, Name } from '../../text.js'
import { ArchiveReason, Tier } from '../../vocabulary.js'

/**
 * The account exists: its tenant, display name and tier. `soleTrader` (since 0.3.0) marks a
 * customer who is a natural person (Einzelunternehmen): the account is then a data subject of
 * its own and its display name is personal data — plain, or sealed under the account's key.
 * Absent means a company.
 * @category events
 * @since 0.1.0
 */
export const AccountOpened = message(
  'AccountOpened',
  {
    accountId: AccountId,
    tenantId: TenantId,
    displayName: personalText(Name, maxNameLength),
    tier: Tier,
    openedBy: PrincipalId,
  },
  { soleTrader: t.boolean },
)
/** @category events @since 0.1.0 */
export type AccountOpened = t.TypeOf<typeof AccountOpened>

/**
 * The account's lifecycle ended; it accepts nothing but a restore from now on.
 * @category events
 * @since 0.1.0
 */
export const AccountArchived = message('AccountArchived', {
  accountId: AccountId,
  reason: ArchiveReason,
  archivedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type AccountArchived = t.TypeOf<typeof AccountArchived>

/**
 * An archived account returned to the active book of business.
 * @category events
 * @since 0.1.0
 */
export const AccountRestored = message('AccountRestored', {
  accountId: AccountId,
  restoredBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type AccountRestored = t.TypeOf<typeof AccountRestored>
