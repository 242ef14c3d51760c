/**
 * One database, any projections: the read models of the projections package and the DSGVO audit
 * tables in one database, filled by one runtime, queried by the queries of both packages.
 *
 * @module
 */
import { auditProjection, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { accessAt, currentOwner, ownerAt, projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scratchDir } from '../../scratch-dir.js'
import { writeAuditScenario } from '../audit-scenario.js'

/** A dialect under test: `open()` gives an empty database for every table. */
export interface OneDatabaseDialect {
  readonly name: string
  readonly skip?: string
  open(): Promise<Kysely<ReadModels & AuditTables>>
}

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

export const oneDatabaseFeatures = (dialect: OneDatabaseDialect) =>
  describe.skipIf(dialect.skip !== undefined)(`read models and audit tables in one database on ${dialect.name}${dialect.skip === undefined ? '' : ` (skipped: ${dialect.skip})`}`, () => {
    const scratch = scratchDir('one-database')
    let db: Kysely<ReadModels & AuditTables>
    let scenario: Awaited<ReturnType<typeof writeAuditScenario>>
    let done: number
    beforeAll(async () => {
      db = await dialect.open()
      scenario = await writeAuditScenario(scratch.file(), scratch.file())
      done = right(await projectionRuntime({ store: scenario.store, db, projections: [...readModelProjections, auditProjection()] }).runUntilCaughtUp()).done
    })
    afterAll(async () => {
      await scenario?.close()
      await db?.destroy()
    })

    it('one runtime moves every projection to the head, each with its checkpoint in the same table', async () => {
      expect(done).toBe(10)
      const checkpoints = await db.selectFrom('projection_checkpoints').select(['name', 'position']).orderBy('name').execute()
      expect(checkpoints.map((c) => [c.name, BigInt(c.position)])).toEqual([
        ['access', 10n],
        ['current-owner', 10n],
        ['dsgvo-audit', 10n],
        ['kpis', 10n],
        ['ownership-history', 10n],
      ])
    })

    it('answers the read models’ queries from that database', async () => {
      expect(right(await ownerAt(db, 'kunde-7', '2026-01-20T00:00:00Z'))?.ownerId).toBe('hanna')
      expect(right(await ownerAt(db, 'kunde-7', '2026-02-15T00:00:00Z'))?.ownerId).toBe('felix')
      expect(right(await currentOwner(db, 'kunde-7'))?.archivedAt).toBe('2026-03-12T09:00:00.000Z')
      expect(right(await accessAt(db, 'kunde-7', '2026-01-15T00:00:00Z')).map((a) => a.principalId).sort()).toEqual(['ada', 'felix', 'hanna', 'sven'])
    })

    it('answers the audit queries from the same database', async () => {
      const felix = right(await subjectReport(db, 'principal:felix'))
      expect(felix.accessPeriods.map((p) => [p.kind, p.from, p.to])).toEqual([
        ['team', '2026-01-05T09:00:00.000Z', '2026-02-01T09:00:00.000Z'],
        ['owner', '2026-02-01T09:00:00.000Z', '2026-03-12T09:00:00.000Z'],
      ])
    })

    it('lets a user query across both packages’ tables with Kysely', async () => {
      const rows = await db
        .selectFrom('current_owners')
        .innerJoin('dsgvo_access_periods', 'dsgvo_access_periods.account_id', 'current_owners.account_id')
        .select(['current_owners.owner_id', 'dsgvo_access_periods.principal_id', 'dsgvo_access_periods.kind'])
        .where('dsgvo_access_periods.kind', '=', 'grant')
        .orderBy('dsgvo_access_periods.principal_id')
        .execute()
      expect(rows).toEqual([
        { owner_id: 'felix', principal_id: 'ada', kind: 'grant' },
        { owner_id: 'felix', principal_id: 'sven', kind: 'grant' },
      ])
    })
  })
