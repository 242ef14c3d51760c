/**
 * The access tables (Zugriffsberechtigungen): each grant with its validity interval — granted,
 * expiring, and ended by revocation or recorded expiry — each membership of the account team,
 * and the periods in which an account was archived, when nobody may access it.
 *
 * @module
 */
import type { Kysely } from 'kysely'
import type { PositionColumn } from '../runtime/checkpoint.table.js'

/**
 * One grant of access to an account's data.
 * @category tables
 * @since 0.1.0
 */
export interface AccessGrantTable {
  readonly account_id: string
  readonly grant_id: string
  readonly grantee_id: string
  readonly scope: 'read' | 'read-write'
  /** A purpose code of the policy (`recorded-as-text` for a grant recorded before 0.3.0). */
  readonly purpose: string
  /** What the grant is for in particular; personal data of the grantee, `[erased]` once they are erased. @since 0.3.0 */
  readonly purpose_note: string | null
  /** Art. 6(1) DSGVO letter, e.g. `art6-1-b-contract`. */
  readonly legal_basis: string
  readonly granted_by: string
  /** When the grant was recorded, in business time. */
  readonly granted_at: string
  readonly valid_from: string
  /** `null` for a grant without expiry. */
  readonly expires_at: string | null
  /** When a revocation or an expiry was recorded, in business time. */
  readonly ended_at: string | null
  readonly ended_how: 'revoked' | 'expired' | null
  readonly ended_by: string | null
  readonly revocation_reason: string | null
  readonly position: PositionColumn
}

/**
 * One period in which an account was archived, `[archived_at, restored_at)`.
 * @category tables
 * @since 0.1.0
 */
export interface ArchivePeriodTable {
  readonly account_id: string
  readonly archived_at_position: PositionColumn
  readonly archived_at: string
  readonly restored_at: string | null
  readonly reason: string
}

/**
 * One membership of an account's team in one role, `[joined_at, left_at)`: ended by leaving, a
 * change of role, or a transfer that does not keep the team.
 * @category tables
 * @since 0.3.0
 */
export interface TeamPeriodTable {
  readonly account_id: string
  readonly principal_id: string
  readonly role: string
  readonly joined_at: string
  readonly joined_at_position: PositionColumn
  readonly left_at: string | null
}

/**
 * Create the access tables and their indexes.
 * @category tables
 * @since 0.1.0
 */
export const createAccessTables = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('access_grants')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('grantee_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('purpose_note', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_how', 'text')
    .addColumn('ended_by', 'text')
    .addColumn('revocation_reason', 'text')
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_grants_pk', ['account_id', 'grant_id'])
    .execute()
  await db.schema.createIndex('access_grants_by_grantee').ifNotExists().on('access_grants').columns(['grantee_id', 'granted_at']).execute()
  await db.schema
    .createTable('archive_periods')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('archived_at_position', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'text', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_periods_pk', ['account_id', 'archived_at_position'])
    .execute()
  await db.schema
    .createTable('team_periods')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('joined_at_position', 'bigint', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('team_periods_pk', ['account_id', 'joined_at_position', 'principal_id'])
    .execute()
}
