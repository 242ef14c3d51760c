/**
 * Every event of an account's stream (`account-<accountId>`), as one codec.
 *
 * @module
 */
import * as t from 'io-ts'
import { AccessExpired, AccessGranted, AccessRevoked } from './access/access-events.js'
import { AccountClassified } from './classification/classification-events.js'
import { AccountArchived, AccountOpened, AccountRestored } from './lifecycle/lifecycle-events.js'
import {
  AccountOrphaned,
  OwnershipAssigned,
  OwnershipTransferApproved,
  OwnershipTransferRejected,
  OwnershipTransferRequested,
  OwnershipTransferred,
} from './ownership/ownership-events.js'
import { StakeholderMapped, StakeholderRemoved } from './stakeholders/stakeholder-events.js'
import { TeamMemberAdded, TeamMemberRemoved } from './team/team-events.js'

/**
 * The codec of any account event, discriminated by `type`.
 * @category events
 * @since 0.1.0
 */
export const AccountEvent = t.union(
  [
    AccountOpened,
    OwnershipAssigned,
    OwnershipTransferRequested,
    OwnershipTransferApproved,
    OwnershipTransferRejected,
    OwnershipTransferred,
    AccountOrphaned,
    TeamMemberAdded,
    TeamMemberRemoved,
    AccessGranted,
    AccessRevoked,
    AccessExpired,
    AccountClassified,
    StakeholderMapped,
    StakeholderRemoved,
    AccountArchived,
    AccountRestored,
  ],
  'AccountEvent',
)
/** @category events @since 0.1.0 */
export type AccountEvent = t.TypeOf<typeof AccountEvent>
