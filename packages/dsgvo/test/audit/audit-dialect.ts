/**
 * The read-model databases the audit features run on: a SQLite file, and a PostgreSQL database
 * of this run's own (skipped with the reason when the server cannot be reached).
 *
 * @module
 */
import { auditTableNames, type AuditTables } from '@account-ownership/dsgvo'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import type { Kysely } from 'kysely'
import { postgresDatabase } from '../postgres-database.js'
import { scratchDir } from '../scratch-dir.js'

/** A dialect under test: `open()` gives an empty read-model database. */
export interface AuditDialect {
  readonly name: string
  readonly skip?: string
  open(): Promise<Kysely<AuditTables>>
}

/** Read models in SQLite files of this test file's own. */
export const sqliteAuditDialect = (): AuditDialect => {
  const scratch = scratchDir('audit')
  return { name: 'SQLite', open: async () => sqliteReadModels<AuditTables>(scratch.file()) }
}

/** Read models in a PostgreSQL database of this run's own, one schema-free database per file. */
export const postgresAuditDialect = async (): Promise<AuditDialect> => {
  const server = await postgresDatabase('audit')
  if (server.skip !== undefined) return { name: 'PostgreSQL', skip: server.skip, open: () => Promise.reject(new Error(server.skip)) }
  return {
    name: 'PostgreSQL',
    open: async () => {
      const db = postgresReadModels<AuditTables>(server.pool())
      // Each feature starts from empty tables: drop what an earlier one left.
      for (const table of ['projection_checkpoints', ...auditTableNames]) {
        await db.schema.dropTable(table).ifExists().execute()
      }
      return db
    },
  }
}
