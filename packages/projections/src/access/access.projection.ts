/**
 * The access projection: a grant is inserted when granted and ended by the first revocation or
 * recorded expiry; archiving opens a period without access, restoring closes it.
 *
 * @module
 */
import type { Transaction } from 'kysely'
import type { ReadModels } from '../database.js'
import { defineProjection, type RecordedOf } from '../runtime/projection.js'
import { createAccessTables, type AccessGrantTable } from './access.table.js'

// Typed on all read models, so that a list of projections shares one database type.
type Tables = ReadModels
type Handled = 'AccessGranted' | 'AccessRevoked' | 'AccessExpired' | 'AccountArchived' | 'AccountRestored'

const endGrant = (tx: Transaction<Tables>, event: RecordedOf<'AccessRevoked' | 'AccessExpired'>, values: Pick<AccessGrantTable, 'ended_how' | 'ended_by' | 'revocation_reason'>) =>
  tx
    .updateTable('access_grants')
    .set({ ...values, ended_at: event.metadata.occurredAt })
    .where('account_id', '=', event.data.accountId)
    .where('grant_id', '=', event.data.grantId)
    .where('ended_at', 'is', null)
    .execute()

/**
 * The projection of the `access_grants` and `archive_periods` tables.
 * @category projections
 * @since 0.1.0
 */
export const accessProjection = defineProjection<Tables, Handled>({
  name: 'access',
  version: 1,
  handles: ['AccessGranted', 'AccessRevoked', 'AccessExpired', 'AccountArchived', 'AccountRestored'],
  tables: ['access_grants', 'archive_periods'],
  createTables: createAccessTables,
  async apply(event, tx) {
    const at = event.metadata.occurredAt
    switch (event.type) {
      case 'AccessGranted': {
        const d = event.data
        await tx
          .insertInto('access_grants')
          .values({
            account_id: d.accountId,
            grant_id: d.grantId,
            grantee_id: d.granteeId,
            scope: d.scope,
            purpose: d.purpose,
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
          .execute()
        return
      }
      case 'AccessRevoked':
        return void (await endGrant(tx, event, { ended_how: 'revoked', ended_by: event.data.revokedBy, revocation_reason: event.data.reason }))
      case 'AccessExpired':
        return void (await endGrant(tx, event, { ended_how: 'expired', ended_by: null, revocation_reason: null }))
      case 'AccountArchived':
        await tx
          .insertInto('archive_periods')
          .values({ account_id: event.data.accountId, archived_at_position: event.metadata.globalPosition.toString(), archived_at: at, restored_at: null, reason: event.data.reason })
          .execute()
        return
      case 'AccountRestored':
        await tx.updateTable('archive_periods').set({ restored_at: at }).where('account_id', '=', event.data.accountId).where('restored_at', 'is', null).execute()
        return
    }
  },
})
