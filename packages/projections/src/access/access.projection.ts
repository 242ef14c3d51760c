/**
 * The access projection: a grant is inserted when granted and ended by the first revocation or
 * recorded expiry; a team member's period runs from joining to leaving, a change of role, or a
 * transfer that does not keep the team; archiving opens a period without access, restoring
 * closes it. A grant's purpose note is personal data of its grantee: when the grantee is erased
 * (`principal:<granteeId>`), the notes of their grants recorded before the erasure are
 * overwritten, in the batch's transaction.
 *
 * @module
 */
import { erasedMarker } from '@account-ownership/core'
import { loadBatchRows, type BatchTable } from '../runtime/batch-rows.js'
import { accountIdsOf, erasedIdOf } from '../runtime/erasure.js'
import { defineProjection } from '../runtime/projection.js'
import { createAccessTables, type AccessGrantTable, type ArchivePeriodTable, type TeamPeriodTable } from './access.table.js'

// Typed on its own tables only: it runs on any database that has them, beside other projections.
type Tables = { readonly access_grants: AccessGrantTable; readonly archive_periods: ArchivePeriodTable; readonly team_periods: TeamPeriodTable }
type Handled = 'AccessGranted' | 'AccessRevoked' | 'AccessExpired' | 'AccountArchived' | 'AccountRestored' | 'TeamMemberAdded' | 'TeamMemberRemoved' | 'OwnershipTransferred' | 'PersonalDataErased'

const accessGrants: BatchTable<AccessGrantTable> = { table: 'access_grants', key: ['account_id', 'grant_id'], positions: ['position'], open: 'ended_at' }
const archivePeriods: BatchTable<ArchivePeriodTable> = { table: 'archive_periods', key: ['account_id', 'archived_at_position'], positions: ['archived_at_position'], open: 'restored_at' }
const teamPeriods: BatchTable<TeamPeriodTable> = { table: 'team_periods', key: ['account_id', 'joined_at_position', 'principal_id'], positions: ['joined_at_position'], open: 'left_at' }

/**
 * The projection of the `access_grants` and `archive_periods` tables.
 * @category projections
 * @since 0.1.0
 */
export const accessProjection = defineProjection<Tables, Handled>({
  name: 'access',
  version: 3,
  handles: ['AccessGranted', 'AccessRevoked', 'AccessExpired', 'AccountArchived', 'AccountRestored', 'TeamMemberAdded', 'TeamMemberRemoved', 'OwnershipTransferred', 'PersonalDataErased'],
  tables: ['access_grants', 'archive_periods', 'team_periods'],
  createTables: createAccessTables,
  async load(events, tx) {
    const accountIds = new Set(accountIdsOf(events))
    // Grantees erased in this batch, with the erasure's position: a note of a grant recorded
    // after it is sealed under the grantee's new key and stays, as a rebuild reads it.
    const erasedGrantees: Array<{ readonly granteeId: string; readonly position: string }> = []
    const grants = await loadBatchRows(tx, accessGrants, accountIds)
    const archives = await loadBatchRows(tx, archivePeriods, accountIds)
    const team = await loadBatchRows(tx, teamPeriods, accountIds)
    const leaveTeam = (accountId: string, at: string, principalId?: string) => {
      for (const member of team.openOf(accountId)) if (principalId === undefined || member.principal_id === principalId) team.update(member, { left_at: at })
    }
    const endGrant = (accountId: string, grantId: string, values: Pick<AccessGrantTable, 'ended_at' | 'ended_how' | 'ended_by' | 'revocation_reason'>) => {
      const grant = grants.openOf(accountId).find((row) => row.grant_id === grantId)
      if (grant !== undefined) grants.update(grant, values)
    }
    return {
      apply(event) {
        const at = event.metadata.occurredAt
        switch (event.type) {
          case 'AccessGranted': {
            const d = event.data
            return grants.insert({
              account_id: d.accountId,
              grant_id: d.grantId,
              grantee_id: d.granteeId,
              scope: d.scope,
              purpose: d.purpose,
              purpose_note: d.purposeNote ?? null,
              legal_basis: d.legalBasis,
              granted_by: d.grantedBy,
              granted_at: at,
              valid_from: d.validFrom,
              expires_at: d.expiresAt,
              ended_at: null,
              ended_how: null,
              ended_by: null,
              revocation_reason: null,
              position: event.metadata.globalPosition.toString(),
            })
          }
          case 'AccessRevoked':
            return endGrant(event.data.accountId, event.data.grantId, { ended_at: at, ended_how: 'revoked', ended_by: event.data.revokedBy, revocation_reason: event.data.reason })
          case 'AccessExpired':
            return endGrant(event.data.accountId, event.data.grantId, { ended_at: at, ended_how: 'expired', ended_by: null, revocation_reason: null })
          case 'AccountArchived':
            return archives.insert({ account_id: event.data.accountId, archived_at_position: event.metadata.globalPosition.toString(), archived_at: at, restored_at: null, reason: event.data.reason })
          case 'AccountRestored':
            for (const period of archives.openOf(event.data.accountId)) archives.update(period, { restored_at: at })
            return
          case 'TeamMemberAdded':
            leaveTeam(event.data.accountId, at, event.data.principalId)
            return team.insert({ account_id: event.data.accountId, principal_id: event.data.principalId, role: event.data.role, joined_at: at, joined_at_position: event.metadata.globalPosition.toString(), left_at: null })
          case 'TeamMemberRemoved':
            return leaveTeam(event.data.accountId, at, event.data.principalId)
          case 'OwnershipTransferred':
            return event.data.keepsTeam ? undefined : leaveTeam(event.data.accountId, at)
          case 'PersonalDataErased': {
            const granteeId = erasedIdOf(event, 'principal')
            return granteeId === undefined ? undefined : void erasedGrantees.push({ granteeId, position: event.metadata.globalPosition.toString() })
          }
        }
      },
      async save() {
        await grants.save(tx)
        await archives.save(tx)
        await team.save(tx)
        for (const { granteeId, position } of erasedGrantees) {
          await tx
            .updateTable('access_grants')
            .set({ purpose_note: erasedMarker })
            .where('grantee_id', '=', granteeId)
            .where('purpose_note', 'is not', null)
            .where('position', '<', position as never)
            .execute()
        }
      },
    }
  },
})
