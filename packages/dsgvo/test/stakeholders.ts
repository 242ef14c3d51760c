/**
 * Events of the account map with recognisable personal data, shared by the tests.
 *
 * @module
 */
import type { AccountId, AccountEvent, StakeholderId } from '@account-ownership/core'
import { account, cast } from '@account-ownership/core/testing'

/** A `StakeholderMapped` event for a contact person. */
export const mapped = (stakeholderId: string, name: string, email: string, accountId: AccountId = account()): AccountEvent => ({
  type: 'StakeholderMapped',
  data: { accountId, stakeholderId: stakeholderId as StakeholderId, role: 'decision-maker', name, email, mappedBy: cast.hanna },
})
