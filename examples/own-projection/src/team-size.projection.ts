// Your own read model (Lesemodell): the size of each account's team (Account-Team), kept by a
// projection on the library's checkpointed runtime. A projection names the events it handles and
// the tables it owns; for each batch it loads the rows the events touch, applies the events in
// memory in log order, and saves the changed rows — in the transaction that moves its checkpoint.
import { defineProjection, loadBatchRows, type BatchTable } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

/** One row per account: how many principals sit on its team beside the owner. */
export interface TeamSizeTable {
  readonly account_id: string
  readonly team_size: number
}

/** The tables of this projection, as a Kysely database type. */
export interface TeamSizeTables {
  readonly team_sizes: TeamSizeTable
}

const teamSizes: BatchTable<TeamSizeTable> = { table: 'team_sizes', key: ['account_id'], positions: [] }

const createTeamSizeTable = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('team_sizes')
    .ifNotExists()
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('team_size', 'integer', (c) => c.notNull())
    .execute()
}

/** Bump `version` whenever what it writes changes: the runtime then rebuilds its table from zero. */
export const teamSizeProjection = defineProjection<TeamSizeTables, 'AccountOpened' | 'TeamMemberAdded' | 'TeamMemberRemoved'>({
  name: 'team-sizes',
  version: 1,
  handles: ['AccountOpened', 'TeamMemberAdded', 'TeamMemberRemoved'],
  tables: ['team_sizes'],
  createTables: createTeamSizeTable,
  async load(events, tx) {
    const rows = await loadBatchRows(tx, teamSizes, events.map((event) => event.data.accountId))
    return {
      apply(event) {
        if (event.type === 'AccountOpened') return rows.insert({ account_id: event.data.accountId, team_size: 0 })
        const row = rows.openOf(event.data.accountId)[0]
        if (row === undefined) return // not an account this log opened: nothing to count
        rows.update(row, { team_size: row.team_size + (event.type === 'TeamMemberAdded' ? 1 : -1) })
      },
      save: () => rows.save(tx),
    }
  },
})
