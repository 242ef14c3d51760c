/**
 * Commands of an account's lifecycle: open, archive, restore.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, TenantId } from '../../ids.js'
import { Name } from '../../text.js'
import { ArchiveReason, Tier } from '../../vocabulary.js'

/**
 * Open a new account; `soleTrader: true` for a customer who is a natural person, whose display
 * name is then personal data.
 * @category commands
 * @since 0.1.0
 */
export const OpenAccount = message('OpenAccount', { accountId: AccountId, tenantId: TenantId, displayName: Name, tier: Tier }, { soleTrader: t.boolean })
/** @category commands @since 0.1.0 */
export type OpenAccount = t.TypeOf<typeof OpenAccount>

/** End the account's lifecycle; owner or admin. @category commands @since 0.1.0 */
export const ArchiveAccount = message('ArchiveAccount', { accountId: AccountId, reason: ArchiveReason })
/** @category commands @since 0.1.0 */
export type ArchiveAccount = t.TypeOf<typeof ArchiveAccount>

/** Bring an archived account back; admins only. @category commands @since 0.1.0 */
export const RestoreAccount = message('RestoreAccount', { accountId: AccountId })
/** @category commands @since 0.1.0 */
export type RestoreAccount = t.TypeOf<typeof RestoreAccount>
