/* An independent reading of an account's events — written from DESIGN.md, not from `evolve` —
   that the invariant properties hold every decision against. It trusts nothing but the events:
   who owns the account is whoever the ownership events say, so a decision that lets a second
   owner in shows up here as two owners. */
import type { AccountEvent, GrantId, Instant, PrincipalId, Tier, TransferId } from '@account-ownership/core'

export interface GrantReading {
  readonly granteeId: PrincipalId
  readonly validFrom: Instant
  readonly expiresAt: Instant | null
  readonly ended: boolean
}

export interface RequestReading {
  readonly fromOwnerId: PrincipalId
  readonly toOwnerId: PrincipalId
  readonly requestedBy: PrincipalId
}

export interface AccountReading {
  readonly opened: boolean
  readonly archived: boolean
  readonly tier: Tier | null
  /** Everyone the ownership events made owner and did not take away again; more than one is a breach. */
  readonly owners: ReadonlySet<PrincipalId>
  readonly everOwned: boolean
  readonly orphaned: boolean
  /** Every transfer request ever recorded, by id, the latest one winning. */
  readonly requests: ReadonlyMap<TransferId, RequestReading>
  readonly grants: ReadonlyMap<GrantId, GrantReading>
  /** The account team beside the owner; a transfer that does not keep the team empties it. */
  readonly team: ReadonlySet<PrincipalId>
}

export const unread: AccountReading = {
  opened: false,
  archived: false,
  tier: null,
  owners: new Set(),
  everOwned: false,
  orphaned: false,
  requests: new Map(),
  grants: new Map(),
  team: new Set(),
}

const withOwners = (r: AccountReading, remove: PrincipalId | null, add: PrincipalId | null): AccountReading => {
  const owners = new Set(r.owners)
  if (remove !== null) owners.delete(remove)
  if (add !== null) owners.add(add)
  return { ...r, owners, everOwned: r.everOwned || add !== null, orphaned: add === null }
}

export const read = (r: AccountReading, e: AccountEvent): AccountReading => {
  switch (e.type) {
    case 'AccountOpened':
      return { ...r, opened: true, tier: e.data.tier }
    case 'AccountClassified':
      return { ...r, tier: e.data.tier }
    case 'AccountArchived':
      return { ...r, archived: true }
    case 'AccountRestored':
      return { ...r, archived: false }
    case 'OwnershipAssigned':
      return withOwners(r, null, e.data.ownerId)
    case 'OwnershipTransferred':
      return { ...withOwners(r, e.data.fromOwnerId, e.data.toOwnerId), team: e.data.keepsTeam ? r.team : new Set() }
    case 'TeamMemberAdded':
      return { ...r, team: new Set(r.team).add(e.data.principalId) }
    case 'TeamMemberRemoved': {
      const team = new Set(r.team)
      team.delete(e.data.principalId)
      return { ...r, team }
    }
    case 'AccountOrphaned':
      return withOwners(r, e.data.previousOwnerId, null)
    case 'OwnershipTransferRequested': {
      const { fromOwnerId, toOwnerId, requestedBy } = e.data
      return { ...r, requests: new Map(r.requests).set(e.data.transferId, { fromOwnerId, toOwnerId, requestedBy }) }
    }
    case 'AccessGranted': {
      const { granteeId, validFrom, expiresAt } = e.data
      return { ...r, grants: new Map(r.grants).set(e.data.grantId, { granteeId, validFrom, expiresAt, ended: false }) }
    }
    case 'AccessRevoked':
    case 'AccessExpired': {
      const grant = r.grants.get(e.data.grantId)
      return grant === undefined ? r : { ...r, grants: new Map(r.grants).set(e.data.grantId, { ...grant, ended: true }) }
    }
    default:
      return r
  }
}

export const readAll = (events: ReadonlyArray<AccountEvent>, from: AccountReading = unread): AccountReading => events.reduce(read, from)

/** Who may see the account's data at `at`, by this reading: while it is open, its owner, its team, and grantees of grants not ended and in their validity. */
export const mayAccess = (r: AccountReading, principalId: PrincipalId, at: Instant): boolean =>
  r.opened &&
  !r.archived &&
  (r.owners.has(principalId) ||
    r.team.has(principalId) ||
    [...r.grants.values()].some((g) => g.granteeId === principalId && !g.ended && g.validFrom <= at && (g.expiresAt === null || at < g.expiresAt)))
