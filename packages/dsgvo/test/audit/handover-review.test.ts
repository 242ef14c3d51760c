/**
 * The audit read model after an offboarding dated in the past: the handover happened on the day
 * of the offboarding, so the access review no longer flags the handed-over account; and a
 * scheduled grant revoked before it began gave no access: no period of it is reported.
 *
 * @module
 */
import { accountCommandHandler, handOver, inMemoryEventStore, principalCommandHandler, scanAccountIndex, type AccountCommandInput, type Instant, type PrincipalOffboarded, type RecordedEvent } from '@account-ownership/core'
import { cast, tenant, testPolicy } from '@account-ownership/core/testing'
import { accessReview, auditProjection, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'

const { dora, hanna, felix, ada } = cast
const on = (date: string) => `2026-${date}T09:00:00.000Z` as Instant
const scratch = scratchDir('handover-review')

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

/* Hanna has owned kunde-1 since 2 February; Ada was to get access from 10 March, revoked on 3
   February. Hanna left on 1 March; that is recorded on 20 March, and the handover runs then. */
const auditedLog = async () => {
  const store = inMemoryEventStore()
  const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => on('03-20') })
  let n = 0
  const run = async (actor: string, command: AccountCommandInput, at: Instant) => right(await accounts.handle(command, { commandId: `c-${++n}`, actor, tenantId: tenant, occurredAt: at }))
  await run(dora, { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId: tenant, displayName: 'ACME', tier: 'standard' } }, on('02-02'))
  await run(dora, { type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: hanna } }, on('02-02'))
  await run(hanna, { type: 'GrantAccess', data: { accountId: 'kunde-1', grantId: 'g-1', granteeId: ada, scope: 'read', purpose: 'audit', legalBasis: 'art6-1-c-legal-obligation', validFrom: on('03-10'), expiresAt: on('03-30') } }, on('02-02'))
  await run(hanna, { type: 'RevokeAccess', data: { accountId: 'kunde-1', grantId: 'g-1', reason: 'no-longer-needed' } }, on('02-03'))
  const offboarded = right(
    await principalCommandHandler({ store, policy: testPolicy, clock: () => on('03-20') }).handle(
      { type: 'OffboardPrincipal', data: { principalId: hanna, successorId: felix, reason: 'Left on 1 March' } },
      { commandId: `c-${++n}`, actor: dora, tenantId: tenant, occurredAt: on('03-01') },
    ),
  )
  await handOver({ accounts, index: scanAccountIndex(store) }, offboarded.events[0] as RecordedEvent<PrincipalOffboarded>)
  const db = sqliteReadModels<AuditTables>(scratch.file())
  right(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())
  return db
}

describe('the audit read model after an offboarding dated in the past', () => {
  it('shows the handover on the day of the offboarding, and the access review does not flag it', async () => {
    const db = await auditedLog()
    expect(right(await subjectReport(db, `principal:${hanna}`)).accessPeriods.map((p) => [p.kind, p.from, p.to, p.endedHow])).toEqual([['owner', on('02-02'), on('03-01'), 'transferred']])
    expect(right(await subjectReport(db, `principal:${felix}`)).accessPeriods.map((p) => [p.kind, p.from, p.to])).toEqual([['owner', on('03-01'), null]])
    expect(right(await accessReview(db, { at: on('03-15'), olderThanDays: 90 })).afterOffboarding).toEqual([])
    await db.destroy()
  })

  it('a scheduled grant revoked before it began gave no access: the report holds no period of it, not even one of zero length', async () => {
    const db = await auditedLog()
    expect(right(await subjectReport(db, `principal:${ada}`)).accessPeriods).toEqual([])
    expect(right(await subjectReport(db, `principal:${hanna}`)).accessGranted.filter((p) => p.detail === 'g-1')).toEqual([])
    await db.destroy()
  })
})
