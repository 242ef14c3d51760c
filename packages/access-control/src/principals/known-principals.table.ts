/**
 * The principals the log has named (bekannte Beschäftigte): anyone who opened, assigned,
 * transferred or owned an account, sat on or managed a team, held or gave a grant, or was
 * offboarded — one row each, so that "is this principal known?" is one lookup by key.
 *
 * @module
 */
import type { Kysely } from 'kysely'

/**
 * One principal the log has named, and where first.
 * @category tables
 * @since 0.3.0
 */
export interface KnownPrincipalTable {
  readonly principal_id: string
  readonly first_seen_at: string
}

/**
 * Create the known principals table.
 * @category tables
 * @since 0.3.0
 */
export const createKnownPrincipalsTable = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('known_principals')
    .ifNotExists()
    .addColumn('principal_id', 'text', (c) => c.primaryKey())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .execute()
}
