/**
 * The principals an account decision must know the offboarding of (invariant 10): whoever the
 * command would make owner, team member or grantee, the successor of a handover, and — for a
 * restore — everyone the archived account still holds. The command handler asks its principal
 * directory about exactly these, so most commands cost no extra read.
 *
 * @module
 */
import type { PrincipalId } from '../ids.js'
import type { AccountCommand } from './account-command.js'
import type { AccountState } from './account-state.js'

/* Owner, team members and grantees of active grants. */
const holders = (state: AccountState): ReadonlyArray<PrincipalId> =>
  state.status === 'unopened'
    ? []
    : [
        ...(state.ownership.kind === 'owned' ? [state.ownership.ownerId] : []),
        ...(Object.keys(state.team) as PrincipalId[]),
        ...Object.values(state.grants).flatMap((g) => (g.status === 'active' ? [g.granteeId] : [])),
      ]

/**
 * The principals whose offboarding `command` depends on in `state`.
 * @category decider
 * @since 0.2.0
 */
export const principalsNamed = (command: AccountCommand, state: AccountState): ReadonlyArray<PrincipalId> => {
  switch (command.type) {
    case 'AssignOwner':
      return [command.data.ownerId]
    case 'TransferOwnership':
      return [command.data.toOwnerId]
    case 'ApproveTransfer':
      return state.status !== 'unopened' && state.pendingTransfer !== null ? [state.pendingTransfer.toOwnerId] : []
    case 'AddTeamMember':
      return [command.data.principalId]
    case 'GrantAccess':
      return [command.data.granteeId]
    case 'HandOverAccount':
      return command.data.successorId === null ? [] : [command.data.successorId]
    case 'RestoreAccount':
      return holders(state)
    default:
      return []
  }
}
