// The database type of a runtime comes from its `db`: every set of projections whose tables the
// type holds compiles, and a projection whose tables it lacks does not (the `@ts-expect-error`
// lines fail the type-check the moment such a runtime is accepted).
import { inMemoryEventStore } from '@account-ownership/core'
import { auditProjection, type AuditTables } from '@account-ownership/dsgvo'
import { currentOwnerProjection, projectionRuntime, readModelProjections, type CurrentOwnerTable, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { describe, expect, it } from 'vitest'

describe('the database type of a projection runtime', () => {
  const store = inMemoryEventStore()

  it('takes read models and audit tables in one database, and a single projection on just its table', async () => {
    const both = sqliteReadModels<ReadModels & AuditTables>(':memory:')
    const own = sqliteReadModels<{ readonly current_owners: CurrentOwnerTable }>(':memory:')
    const runtimes = [
      projectionRuntime({ store, db: both, projections: [...readModelProjections, auditProjection()] }),
      projectionRuntime({ store, db: own, projections: [currentOwnerProjection] }),
    ]
    expect(runtimes.map((r) => typeof r.runUntilCaughtUp)).toEqual(['function', 'function'])
    await Promise.all([both.destroy(), own.destroy()])
  })

  it('refuses projections whose tables the database type lacks', async () => {
    const readModels = sqliteReadModels(':memory:')
    const audit = sqliteReadModels<AuditTables>(':memory:')
    // @ts-expect-error — the audit tables are not in `ReadModels`
    projectionRuntime({ store, db: readModels, projections: [...readModelProjections, auditProjection()] })
    // @ts-expect-error — `current_owners` is not in `AuditTables`
    projectionRuntime({ store, db: audit, projections: [currentOwnerProjection] })
    await Promise.all([readModels.destroy(), audit.destroy()])
  })
})
