/**
 * The alerts read model (Alarme) and the detectors' memory: each alert a detector raised, with
 * the decisions it rests on, and the recent decisions per principal that the windowed detectors
 * count (kept only as long as the longest window needs them).
 *
 * @module
 */
import type { PositionColumn } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

/**
 * One alert. `alert_id` is `<kind>-<position>`: the kind and the log position of the decision
 * that set it off.
 * @category tables
 * @since 0.3.0
 */
export interface AccessAlertTable {
  readonly alert_id: string
  readonly kind: 'denied-burst' | 'offboarded-access' | 'bulk-access' | 'near-expiry-access' | 'out-of-hours-access'
  readonly principal_id: string
  readonly account_id: string
  readonly grant_id: string | null
  /** The first and the last decision the alert rests on, in business time. */
  readonly from_at: string
  readonly to_at: string
  readonly count: number
  readonly detail: string
  readonly position: PositionColumn
}

/**
 * One recent decision of a principal, as the windowed detectors count them.
 * @category tables
 * @since 0.3.0
 */
export interface RecentDecisionTable {
  readonly position: PositionColumn
  readonly principal_id: string
  readonly account_id: string
  readonly at: string
  readonly outcome: 'allowed' | 'denied'
}

/**
 * The tables of the detectors, as one Kysely database type.
 * @category tables
 * @since 0.3.0
 */
export interface DetectorTables {
  readonly access_alerts: AccessAlertTable
  readonly access_recent_decisions: RecentDecisionTable
}

/**
 * Create the alerts and recent-decisions tables and their indexes.
 * @category tables
 * @since 0.3.0
 */
export const createDetectorTables = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('access_alerts')
    .ifNotExists()
    .addColumn('alert_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('to_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_alerts_by_position').ifNotExists().on('access_alerts').columns(['position']).execute()
  await db.schema.createIndex('access_alerts_by_principal').ifNotExists().on('access_alerts').columns(['principal_id', 'kind', 'to_at']).execute()
  await db.schema
    .createTable('access_recent_decisions')
    .ifNotExists()
    .addColumn('position', 'bigint', (c) => c.primaryKey())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('access_recent_decisions_by_principal').ifNotExists().on('access_recent_decisions').columns(['principal_id', 'at']).execute()
  // The latest decision and what lies behind the horizon, each batch.
  await db.schema.createIndex('access_recent_decisions_by_time').ifNotExists().on('access_recent_decisions').columns(['at']).execute()
}
