/**
 * `decide`: the events an account command leads to in the current state, or why it is refused.
 * Each command has its own small decision in its facet's folder; this only dispatches.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import { decideExpiry, decideGrant, decideRevoke } from './access/decide-access.js'
import type { AccountCommand } from './account-command.js'
import type { AccountError } from './account-errors.js'
import type { AccountEvent } from './account-event.js'
import type { AccountState } from './account-state.js'
import { decideClassify } from './classification/decide-classification.js'
import type { DecisionContext } from './decision-context.js'
import { decideArchive, decideOpen, decideRestore } from './lifecycle/decide-lifecycle.js'
import { decideHandOver } from './ownership/decide-handover.js'
import { decideApprove, decideAssign, decideOrphan, decideReject, decideTransfer } from './ownership/decide-ownership.js'
import { decideMapStakeholder, decideRemoveStakeholder } from './stakeholders/decide-stakeholders.js'
import { decideAddMember, decideRemoveMember } from './team/decide-team.js'

/**
 * Decide one account command.
 * @category decider
 * @since 0.1.0
 */
export const decide = (command: AccountCommand, state: AccountState, ctx: DecisionContext): E.Either<AccountError, ReadonlyArray<AccountEvent>> => {
  switch (command.type) {
    case 'OpenAccount':
      return decideOpen(command, state, ctx)
    case 'AssignOwner':
      return decideAssign(command, state, ctx)
    case 'TransferOwnership':
      return decideTransfer(command, state, ctx)
    case 'ApproveTransfer':
      return decideApprove(command, state, ctx)
    case 'RejectTransfer':
      return decideReject(command, state, ctx)
    case 'OrphanAccount':
      return decideOrphan(command, state, ctx)
    case 'HandOverAccount':
      return decideHandOver(command, state, ctx)
    case 'AddTeamMember':
      return decideAddMember(command, state, ctx)
    case 'RemoveTeamMember':
      return decideRemoveMember(command, state, ctx)
    case 'GrantAccess':
      return decideGrant(command, state, ctx)
    case 'RevokeAccess':
      return decideRevoke(command, state, ctx)
    case 'RecordAccessExpiry':
      return decideExpiry(command, state, ctx)
    case 'ClassifyAccount':
      return decideClassify(command, state, ctx)
    case 'MapStakeholder':
      return decideMapStakeholder(command, state, ctx)
    case 'RemoveStakeholder':
      return decideRemoveStakeholder(command, state, ctx)
    case 'ArchiveAccount':
      return decideArchive(command, state, ctx)
    case 'RestoreAccount':
      return decideRestore(command, state, ctx)
  }
}
