/**
 * `evolve`: the next state of an account after one of its events. Total and pure — it trusts
 * the events, because `decide` made them and the log keeps them.
 *
 * @module
 */
import type { AccountEvent } from './account-event.js'
import type { AccountState, OpenedAccount } from './account-state.js'

const without = <V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> => {
  const { [key]: _gone, ...rest } = record
  return rest
}

const opened = (state: AccountState, change: (s: OpenedAccount) => OpenedAccount): AccountState =>
  state.status === 'unopened' ? state : change(state)

/**
 * Fold one event into the state.
 * @category decider
 * @since 0.1.0
 */
export const evolve = (state: AccountState, event: AccountEvent): AccountState => {
  switch (event.type) {
    case 'AccountOpened': {
      const { accountId, tenantId, displayName, tier } = event.data
      return { status: 'open', accountId, tenantId, displayName, tier, ownership: { kind: 'unassigned' }, pendingTransfer: null, transferIds: [], team: {}, grants: {}, stakeholders: [] }
    }
    case 'OwnershipAssigned':
      return opened(state, (s) => ({ ...s, ownership: { kind: 'owned', ownerId: event.data.ownerId } }))
    case 'OwnershipTransferRequested': {
      const { accountId: _account, ...pendingTransfer } = event.data
      return opened(state, (s) => ({ ...s, pendingTransfer, transferIds: [...s.transferIds, pendingTransfer.transferId] }))
    }
    case 'OwnershipTransferApproved':
      return state
    case 'OwnershipTransferRejected':
      return opened(state, (s) => ({ ...s, pendingTransfer: null }))
    case 'OwnershipTransferred':
      return opened(state, (s) => ({
        ...s,
        ownership: { kind: 'owned', ownerId: event.data.toOwnerId },
        pendingTransfer: null,
        transferIds:
          event.data.transferId === undefined || s.transferIds.includes(event.data.transferId) ? s.transferIds : [...s.transferIds, event.data.transferId],
        team: event.data.keepsTeam ? s.team : {},
      }))
    case 'AccountOrphaned':
      return opened(state, (s) => ({ ...s, ownership: { kind: 'orphaned', previousOwnerId: event.data.previousOwnerId }, pendingTransfer: null }))
    case 'TeamMemberAdded':
      return opened(state, (s) => ({ ...s, team: { ...s.team, [event.data.principalId]: event.data.role } }))
    case 'TeamMemberRemoved':
      return opened(state, (s) => ({ ...s, team: without(s.team, event.data.principalId) }))
    case 'AccessGranted': {
      const { accountId: _account, ...grant } = event.data
      return opened(state, (s) => ({ ...s, grants: { ...s.grants, [grant.grantId]: { ...grant, status: 'active' } } }))
    }
    case 'AccessRevoked':
    case 'AccessExpired': {
      const status = event.type === 'AccessRevoked' ? 'revoked' : 'expired'
      return opened(state, (s) => {
        const grant = Object.hasOwn(s.grants, event.data.grantId) ? s.grants[event.data.grantId] : undefined
        return grant === undefined ? s : { ...s, grants: { ...s.grants, [grant.grantId]: { ...grant, status } } }
      })
    }
    case 'AccountClassified':
      return opened(state, (s) => ({ ...s, tier: event.data.tier }))
    case 'StakeholderMapped':
      return opened(state, (s) => ({ ...s, stakeholders: [...s.stakeholders, event.data.stakeholderId] }))
    case 'StakeholderRemoved':
      return opened(state, (s) => ({ ...s, stakeholders: s.stakeholders.filter((id) => id !== event.data.stakeholderId) }))
    case 'AccountArchived':
      return opened(state, (s) => ({ ...s, status: 'archived', pendingTransfer: null }))
    case 'AccountRestored':
      return opened(state, (s) => ({ ...s, status: 'open' }))
  }
}
