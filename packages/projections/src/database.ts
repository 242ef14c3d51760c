/**
 * The tables of every read model of this package as one Kysely database type, so that users
 * can write their own queries beside the typed ones.
 *
 * @module
 */
import type { AccessGrantTable, ArchivePeriodTable, TeamPeriodTable } from './access/access.table.js'
import type { CurrentOwnerTable } from './current-owner/current-owner.table.js'
import type { OrphanSpellTable, TransferRequestTable } from './kpis/kpi.table.js'
import type { OwnershipPeriodTable } from './ownership-history/ownership-history.table.js'
import type { CheckpointTable } from './runtime/checkpoint.table.js'

/**
 * The Kysely database type of the read models, e.g. `Kysely<ReadModels>`.
 * @category tables
 * @since 0.1.0
 * @example
 * const big = await db.selectFrom('current_owners').select('account_id').where('tier', '=', 'key').execute()
 * @example
 * // One database for these and other projections' tables: intersect the types.
 * const db = sqliteReadModels<ReadModels & AuditTables>('read-models.db')
 */
export interface ReadModels {
  readonly projection_checkpoints: CheckpointTable
  readonly current_owners: CurrentOwnerTable
  readonly ownership_periods: OwnershipPeriodTable
  readonly access_grants: AccessGrantTable
  readonly archive_periods: ArchivePeriodTable
  readonly team_periods: TeamPeriodTable
  readonly transfer_requests: TransferRequestTable
  readonly orphan_spells: OrphanSpellTable
}
