// Every row of every read-model table, in a stable order and with driver differences (a pg
// `int8` as string, SQLite's integer as number) evened out, so two databases can be compared.
import type { ReadModels } from '@account-ownership/projections'
import type { Kysely } from 'kysely'

const tables = ['projection_checkpoints', 'current_owners', 'ownership_periods', 'access_grants', 'team_periods', 'archive_periods', 'transfer_requests', 'orphan_spells'] as const

const even = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'bigint' ? String(v) : v]))

export const tableContents = async (db: Kysely<ReadModels>): Promise<Record<string, ReadonlyArray<string>>> => {
  const contents: Record<string, ReadonlyArray<string>> = {}
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().execute()
    contents[table] = rows.map((r) => JSON.stringify(even(r as Record<string, unknown>))).sort()
  }
  return contents
}
