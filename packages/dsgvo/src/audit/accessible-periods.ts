/**
 * Access periods as the reports give them: each entitlement the audit table holds, cut by its
 * account's archive spells into the parts in which it gave access — core's one definition of
 * "could access", shared with `accessAt` and `grantsOf`. A part that an archive ended says so
 * (`endedHow: 'archived'`, the archiving's position); a part that began with a restore keeps the
 * source of its entitlement. Parts of zero length are never reported.
 *
 * @module
 */
import { accessibleParts, type Instant, type Span } from '@account-ownership/core'
import { positionOf } from '@account-ownership/projections'
import type { Kysely } from 'kysely'
import type { AccessPeriod } from './audit-rows.js'
import type { AuditTables } from './audit.table.js'

interface Spell extends Span {
  readonly position: bigint
}

// SQLite binds at most 32,766 parameters per statement.
const chunkSize = 10_000

const spellsOf = async (db: Kysely<AuditTables>, accountIds: ReadonlyArray<string>): Promise<ReadonlyMap<string, ReadonlyArray<Spell>>> => {
  const spells = new Map<string, Spell[]>()
  for (let i = 0; i < accountIds.length; i += chunkSize) {
    const rows = await db.selectFrom('dsgvo_archive_spells').selectAll().where('account_id', 'in', accountIds.slice(i, i + chunkSize)).execute()
    for (const row of rows) {
      const spell = { from: row.archived_at as Instant, to: row.restored_at as Instant | null, position: positionOf(row.archived_position) }
      spells.set(row.account_id, [...(spells.get(row.account_id) ?? []), spell])
    }
  }
  return spells
}

/**
 * The parts of the given entitlements (rows of the audit table) in which they gave access, in
 * their order; what else an entitlement carries is kept on each of its parts.
 * @category audit
 * @since 0.3.0
 */
export const accessiblePeriods = async <P extends AccessPeriod>(db: Kysely<AuditTables>, entitlements: ReadonlyArray<P>): Promise<ReadonlyArray<P>> => {
  const spells = await spellsOf(db, [...new Set(entitlements.map((period) => period.accountId))])
  return entitlements.flatMap((period) => {
    const archives = spells.get(period.accountId) ?? []
    return accessibleParts(period, archives).map(({ from, to, suspendedBy }): P => {
      const archive = suspendedBy === null ? undefined : archives[suspendedBy]
      return archive === undefined ? { ...period, from, to } : { ...period, from, to, endedHow: 'archived', endPosition: archive.position }
    })
  })
}
