/**
 * Commands of the account map (Stakeholder-Map).
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, StakeholderId } from '../../ids.js'
import { EmailAddress, Name } from '../../text.js'
import { StakeholderRole } from '../../vocabulary.js'

/** Put a contact person on the account map; owner or admin. @category commands @since 0.1.0 */
export const MapStakeholder = message(
  'MapStakeholder',
  { accountId: AccountId, stakeholderId: StakeholderId, role: StakeholderRole, name: Name },
  { email: EmailAddress },
)
/** @category commands @since 0.1.0 */
export type MapStakeholder = t.TypeOf<typeof MapStakeholder>

/** Take a contact person off the account map; owner or admin. @category commands @since 0.1.0 */
export const RemoveStakeholder = message('RemoveStakeholder', { accountId: AccountId, stakeholderId: StakeholderId })
/** @category commands @since 0.1.0 */
export type RemoveStakeholder = t.TypeOf<typeof RemoveStakeholder>
