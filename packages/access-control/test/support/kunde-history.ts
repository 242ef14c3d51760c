// The history most examples of this package tell: Hanna owns kunde-1, Felix sits on its team
// until he leaves, Sven has read access for customer support, Ada an audit grant that starts
// later, Ben a billing grant that was revoked; kunde-2 was archived.
import type { AccountCommand } from '@account-ownership/core'
import type { Step } from './scenario.js'

const grant = (grantId: string, granteeId: string, scope: 'read' | 'read-write', purpose: string, expiresAt: string, validFrom?: string): AccountCommand =>
  ({
    type: 'GrantAccess',
    data: { accountId: 'kunde-1', grantId, granteeId, scope, purpose, legalBasis: 'art6-1-b-contract', expiresAt, ...(validFrom === undefined ? {} : { validFrom }) },
  }) as AccountCommand

export const kundeHistory: ReadonlyArray<Step> = [
  ['2026-03-01T09:00:00Z', 'dora', { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: 'acme-de', displayName: 'Kunde Eins GmbH', tier: 'standard' } } as AccountCommand],
  ['2026-03-01T09:00:00Z', 'dora', { type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'hanna' } } as AccountCommand],
  ['2026-03-01T09:00:00Z', 'dora', { type: 'OpenAccount', data: { accountId: 'kunde-2', tenantId: 'acme-de', displayName: 'Kunde Zwei AG', tier: 'standard' } } as AccountCommand],
  ['2026-03-02T09:00:00Z', 'hanna', { type: 'AddTeamMember', data: { accountId: 'kunde-1', principalId: 'felix', role: 'customer-success' } } as AccountCommand],
  ['2026-03-03T09:00:00Z', 'hanna', grant('g-sven', 'sven', 'read', 'customer-support', '2026-04-01T00:00:00Z')],
  ['2026-03-03T09:00:00Z', 'hanna', grant('g-ada', 'ada', 'read-write', 'audit', '2026-03-20T00:00:00Z', '2026-03-10T00:00:00Z')],
  ['2026-03-05T09:00:00Z', 'hanna', grant('g-ben', 'ben', 'read', 'billing', '2026-04-01T00:00:00Z')],
  ['2026-03-06T09:00:00Z', 'hanna', { type: 'RevokeAccess', data: { accountId: 'kunde-1', grantId: 'g-ben', reason: 'no-longer-needed' } } as AccountCommand],
  ['2026-03-08T09:00:00Z', 'dora', { type: 'ArchiveAccount', data: { accountId: 'kunde-2', reason: 'churned' } } as AccountCommand],
  ['2026-03-15T09:00:00Z', 'dora', { type: 'Offboard', principalId: 'felix' }],
]
