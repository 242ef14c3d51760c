/**
 * The offboardings table (Austritte): each principal's offboarding, when it happened and to whom
 * their accounts went. An offboarded principal is refused access from then on, whatever the
 * handover has ended yet.
 *
 * @module
 */
import type { PositionColumn } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

/**
 * One offboarding of a principal.
 * @category tables
 * @since 0.3.0
 */
export interface PrincipalOffboardingTable {
  readonly principal_id: string
  readonly offboarded_at: string
  readonly successor_id: string | null
  readonly position: PositionColumn
}

/**
 * Create the offboardings table.
 * @category tables
 * @since 0.3.0
 */
export const createPrincipalOffboardingsTable = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('principal_offboardings')
    .ifNotExists()
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('offboarded_at', 'text', (c) => c.notNull())
    .addColumn('successor_id', 'text')
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('principal_offboardings_pk', ['principal_id', 'position'])
    .execute()
}
