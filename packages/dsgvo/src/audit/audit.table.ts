/**
 * The tables of the audit read model (Prüfpfad): periods of access to account data, contact
 * persons named on account maps, offboardings, erasures, the roles employees have in events (who
 * acted, who was named), and the accounts with their retention.
 * They hold ids, times, purposes and sources (stream, version, position) — never a name or an
 * e-mail: personal values stay encrypted in the log and are fetched from it for a report.
 *
 * @module
 */
import type { PositionColumn } from '@account-ownership/projections'
import type { CreateTableBuilder, Kysely } from 'kysely'

/**
 * Where a fact comes from in the log.
 * @category tables
 * @since 0.1.0
 */
export interface SourceColumns {
  readonly source_stream: string
  readonly source_version: PositionColumn
  readonly source_position: PositionColumn
}

/**
 * A period in which a principal could access an account's data, `[from_at, to_at)`.
 * @category tables
 * @since 0.1.0
 */
export interface AccessPeriodTable extends SourceColumns {
  readonly account_id: string
  readonly principal_id: string
  readonly kind: 'owner' | 'team' | 'grant'
  /** The grant id, the team role, or `null` for an owner. */
  readonly detail: string | null
  readonly scope: string
  readonly purpose: string
  readonly legal_basis: string
  readonly granted_by: string
  readonly from_at: string
  /** The end as far as known: the grant's expiry, or the event that ended it; `null` while open. */
  readonly to_at: string | null
  readonly ended_how: string | null
  readonly end_position: PositionColumn | null
}

/**
 * A contact person named on an account map.
 * @category tables
 * @since 0.1.0
 */
export interface StakeholderMentionTable extends SourceColumns {
  readonly account_id: string
  readonly stakeholder_id: string
  readonly subject_id: string
  readonly role: string
  readonly mapped_by: string
  readonly mapped_at: string
  readonly removed_at: string | null
}

/**
 * A principal's offboarding.
 * @category tables
 * @since 0.1.0
 */
export interface OffboardingTable extends SourceColumns {
  readonly principal_id: string
  readonly offboarded_at: string
  readonly offboarded_by: string
  readonly successor_id: string | null
}

/**
 * An erasure of a data subject.
 * @category tables
 * @since 0.1.0
 */
export interface ErasureTable extends SourceColumns {
  readonly subject_id: string
  readonly erased_at: string
  readonly erased_by: string
  readonly legal_ground: string
  readonly keys_destroyed: number | string
}

/**
 * A principal's role in one event: who acted (`actor`, `onBehalfOf`, a `*By` field) or who is
 * named (a successor, a transfer request's parties); one row per event and role.
 * @category tables
 * @since 0.1.0
 */
export interface PrincipalRoleTable extends SourceColumns {
  readonly principal_id: string
  readonly kind: 'acted' | 'named'
  /** `actor`, `onBehalfOf`, or the event's field (`assignedBy`, `successorId`, …). */
  readonly role: string
  readonly event_type: string
  /** The account the event is about, or `null` (offboardings, erasures). */
  readonly account_id: string | null
  readonly occurred_at: string
}

/**
 * An account, its tier, whether it is a natural person, and, once archived, its retention.
 * @category tables
 * @since 0.1.0
 */
export interface AuditAccountTable {
  readonly account_id: string
  readonly tenant_id: string
  readonly tier: string
  readonly opened_at: string
  readonly archived_at: string | null
  readonly archive_reason: string | null
  readonly record_kind: string | null
  readonly retention_until: string | null
  /**
   * 1 where the account is a natural person (a sole trader, `AccountOpened.soleTrader`), whose
   * personal data the log seals under the account's own subject `account:<id>`; 0 for a company.
   * @since 0.4.0
   */
  readonly sole_trader: number
  /**
   * The global position of the newest event that sealed values under `account:<id>` (a sole
   * trader's name, classification criteria), or `null` while none did: an erasure of the subject
   * after it has left nothing of theirs readable.
   * @since 0.4.0
   */
  readonly own_data_position: PositionColumn | null
}

/**
 * A period in which an account was archived, `[archived_at, restored_at)`: it suspends every
 * access period of the account (see core's `accessibleParts`).
 * @category tables
 * @since 0.3.0
 */
export interface ArchiveSpellTable {
  readonly account_id: string
  readonly archived_at: string
  readonly archived_position: PositionColumn
  readonly restored_at: string | null
}

/**
 * The Kysely database type of the audit read model.
 * @category tables
 * @since 0.1.0
 */
export interface AuditTables {
  readonly dsgvo_access_periods: AccessPeriodTable
  readonly dsgvo_stakeholder_mentions: StakeholderMentionTable
  readonly dsgvo_offboardings: OffboardingTable
  readonly dsgvo_erasures: ErasureTable
  readonly dsgvo_principal_roles: PrincipalRoleTable
  readonly dsgvo_accounts: AuditAccountTable
  readonly dsgvo_archive_spells: ArchiveSpellTable
}

/**
 * The names of the audit tables.
 * @category tables
 * @since 0.1.0
 */
export const auditTableNames = ['dsgvo_access_periods', 'dsgvo_stakeholder_mentions', 'dsgvo_offboardings', 'dsgvo_erasures', 'dsgvo_principal_roles', 'dsgvo_accounts', 'dsgvo_archive_spells'] as const

/**
 * Create the audit tables and the indexes the reports ask by.
 * @category tables
 * @since 0.1.0
 */
export const createAuditTables = async (db: Kysely<any>): Promise<void> => {
  const source = (t: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> =>
    t
      .addColumn('source_stream', 'text', (c) => c.notNull())
      .addColumn('source_version', 'bigint', (c) => c.notNull())
      .addColumn('source_position', 'bigint', (c) => c.notNull())
  await source(
    db.schema
      .createTable('dsgvo_access_periods')
      .ifNotExists()
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('principal_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('from_at', 'text', (c) => c.notNull())
      .addColumn('to_at', 'text')
      .addColumn('ended_how', 'text')
      .addColumn('end_position', 'bigint'),
  )
    .addPrimaryKeyConstraint('dsgvo_access_periods_pk', ['source_position', 'principal_id'])
    .execute()
  await db.schema.createIndex('dsgvo_access_periods_by_principal').ifNotExists().on('dsgvo_access_periods').columns(['principal_id', 'from_at']).execute()
  await db.schema.createIndex('dsgvo_access_periods_by_account').ifNotExists().on('dsgvo_access_periods').columns(['account_id', 'kind', 'principal_id']).execute()
  // The Art. 15 report pages a principal's periods, held and granted, in log order.
  await db.schema.createIndex('dsgvo_access_periods_by_granter').ifNotExists().on('dsgvo_access_periods').columns(['granted_by', 'source_position']).execute()
  await db.schema.createIndex('dsgvo_access_periods_by_holder').ifNotExists().on('dsgvo_access_periods').columns(['principal_id', 'source_position']).execute()
  await source(
    db.schema
      .createTable('dsgvo_stakeholder_mentions')
      .ifNotExists()
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('stakeholder_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('mapped_by', 'text', (c) => c.notNull())
      .addColumn('mapped_at', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text'),
  )
    .addPrimaryKeyConstraint('dsgvo_stakeholder_mentions_pk', ['source_position'])
    .execute()
  await db.schema.createIndex('dsgvo_stakeholder_mentions_by_subject').ifNotExists().on('dsgvo_stakeholder_mentions').columns(['subject_id']).execute()
  await db.schema.createIndex('dsgvo_stakeholder_mentions_by_account').ifNotExists().on('dsgvo_stakeholder_mentions').columns(['account_id', 'stakeholder_id']).execute()
  await source(
    db.schema
      .createTable('dsgvo_offboardings')
      .ifNotExists()
      .addColumn('principal_id', 'text', (c) => c.notNull())
      .addColumn('offboarded_at', 'text', (c) => c.notNull())
      .addColumn('offboarded_by', 'text', (c) => c.notNull())
      .addColumn('successor_id', 'text'),
  )
    .addPrimaryKeyConstraint('dsgvo_offboardings_pk', ['source_position'])
    .execute()
  await db.schema.createIndex('dsgvo_offboardings_by_principal').ifNotExists().on('dsgvo_offboardings').columns(['principal_id']).execute()
  await source(
    db.schema
      .createTable('dsgvo_erasures')
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('erased_at', 'text', (c) => c.notNull())
      .addColumn('erased_by', 'text', (c) => c.notNull())
      .addColumn('legal_ground', 'text', (c) => c.notNull())
      // A count up to 2^53 − 1, as the codec allows: more than PostgreSQL's integer holds.
      .addColumn('keys_destroyed', 'bigint', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('dsgvo_erasures_pk', ['source_position'])
    .execute()
  await db.schema.createIndex('dsgvo_erasures_by_subject').ifNotExists().on('dsgvo_erasures').columns(['subject_id']).execute()
  await source(
    db.schema
      .createTable('dsgvo_principal_roles')
      .ifNotExists()
      .addColumn('principal_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text')
      .addColumn('occurred_at', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('dsgvo_principal_roles_pk', ['source_position', 'role'])
    .execute()
  await db.schema.createIndex('dsgvo_principal_roles_by_principal').ifNotExists().on('dsgvo_principal_roles').columns(['principal_id', 'kind', 'source_position']).execute()
  await db.schema
    .createTable('dsgvo_accounts')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('archive_reason', 'text')
    .addColumn('record_kind', 'text')
    .addColumn('retention_until', 'text')
    .addColumn('sole_trader', 'integer', (c) => c.notNull())
    .addColumn('own_data_position', 'bigint')
    .execute()
  await db.schema.createIndex('dsgvo_accounts_by_retention').ifNotExists().on('dsgvo_accounts').columns(['retention_until']).execute()
  await db.schema
    .createTable('dsgvo_archive_spells')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text', (c) => c.notNull())
    .addColumn('archived_position', 'bigint', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .addPrimaryKeyConstraint('dsgvo_archive_spells_pk', ['account_id', 'archived_position'])
    .execute()
}
