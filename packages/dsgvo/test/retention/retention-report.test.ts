// Given accounts archived under a retention policy — one as a kind the policy does not know
// (a typo in `kindByTier`), one restored after its archive, and contact persons named in several
// of them, one erased and mapped again later — when the retention report is asked for after the
// periods, then every archived account is in it: due, still kept, or kept without a period; and a
// contact person is due only where every account naming them is due.
import { accountStream, type AccountEvent, type AccountId, type Instant, type SubjectId } from '@account-ownership/core'
import { account, cast, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, defaultRetentionPolicy, retentionReport, type AuditTables, type RetentionPolicy } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchDir } from '../scratch-dir.js'
import { mapped } from '../stakeholders.js'

const scratch = scratchDir('retention-report')
const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}
const at = (day: string) => `${day}T09:00:00.000Z` as Instant
const opened = (accountId: AccountId, tier: 'key' | 'standard'): AccountEvent =>
  ({ type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName: 'Muster GmbH', tier, openedBy: cast.dora } }) as AccountEvent
const archived = (accountId: AccountId): AccountEvent => ({ type: 'AccountArchived', data: { accountId, reason: 'churned', archivedBy: cast.dora } }) as AccountEvent
const restored = (accountId: AccountId): AccountEvent => ({ type: 'AccountRestored', data: { accountId, restoredBy: cast.dora } }) as AccountEvent
const erased = (subjectId: string): AccountEvent =>
  ({ type: 'PersonalDataErased', data: { subjectId, erasedBy: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', keysDestroyed: 1 } }) as never

describe('the retention report', () => {
  it('lists every archived account — one without a period too — and a contact person as due only where every account naming them is', async () => {
    const store = right(openSqliteEventStore({ path: scratch.file() }))
    const [letters, typo, reopened] = [account('kunde-1'), account('kunde-2'), account('kunde-3')]
    const stories: ReadonlyArray<[AccountId, ReadonlyArray<[string, AccountEvent]>]> = [
      [letters, [['2026-01-05', opened(letters, 'standard')], ['2026-01-06', mapped('erika', 'Erika', 'erika@muster.de', letters)], ['2026-01-06', mapped('max', 'Max', 'max@muster.de', letters)], ['2026-03-12', archived(letters)]]],
      // Key accounts are kept as a kind the policy does not know: no period is ever over.
      [typo, [['2026-01-05', opened(typo, 'key')], ['2026-01-06', mapped('erika', 'Erika', 'erika@muster.de', typo)], ['2026-03-12', archived(typo)]]],
      [reopened, [['2026-01-05', opened(reopened, 'standard')], ['2026-01-06', mapped('jo', 'Jo', 'jo@muster.de', reopened)], ['2026-03-12', archived(reopened)], ['2026-04-01', restored(reopened)]]],
    ]
    for (const [id, story] of stories) right(await store.append(accountStream(id), story.map(([day, e]) => newEvent(e, { at: at(day) })), { expectedVersion: 'no-stream' }))
    const db = sqliteReadModels<AuditTables>(scratch.file())
    const policy: RetentionPolicy = { ...defaultRetentionPolicy, kindByTier: { key: 'acounting-record' } }
    right(await projectionRuntime({ store, db, projections: [auditProjection({ retention: policy })] }).runUntilCaughtUp())

    // The default policy counts in Europe/Berlin: the period ends as 2033 begins there, 23:00 UTC.
    const before = right(await retentionReport(db, '2032-12-31T22:59:59.999Z'))
    expect([before.dueForErasure, before.underRetention.map((a) => a.accountId), before.subjectsDueForErasure]).toEqual([[], [letters], []])
    const after = right(await retentionReport(db, '2032-12-31T23:00:00.000Z'))
    expect(after.dueForErasure.map((a) => [a.accountId, a.retentionUntil, a.subjects])).toEqual([[letters, '2032-12-31T23:00:00.000Z', ['stakeholder:erika', 'stakeholder:max']]])
    expect(after.underRetention).toEqual([])
    // The archived key account was missing from the report: neither due nor kept.
    expect(after.withoutPeriod.map((a) => [a.accountId, a.recordKind, a.retentionUntil, a.subjects])).toEqual([[typo, 'acounting-record', null, ['stakeholder:erika']]])
    // Erika is named in the account without a period too, so only Max is due; Jo's account is open again.
    expect(after.subjectsDueForErasure).toEqual(['stakeholder:max'])

    // Erika erased, then mapped again on the restored account: only the later mention holds data.
    right(await store.append('subject-stakeholder:erika' as never, [newEvent(erased('stakeholder:erika'), { at: at('2026-05-01') })], { expectedVersion: 'any' }))
    right(await store.append(accountStream(reopened), [newEvent(mapped('erika', 'Erika', 'erika@muster.de', reopened), { at: at('2026-05-02') }), newEvent(archived(reopened), { at: at('2026-05-03') })], { expectedVersion: 'any' }))
    right(await projectionRuntime({ store, db, projections: [auditProjection({ retention: policy })] }).runUntilCaughtUp())
    const later = right(await retentionReport(db, '2033-01-01T00:00:00.000Z'))
    expect(later.dueForErasure.map((a) => [a.accountId, a.subjects])).toEqual([
      [letters, ['stakeholder:max']],
      [reopened, ['stakeholder:erika', 'stakeholder:jo']],
    ])
    expect(later.withoutPeriod.map((a) => [a.accountId, a.subjects])).toEqual([[typo, []]])
    expect(later.subjectsDueForErasure).toEqual(['stakeholder:erika', 'stakeholder:jo', 'stakeholder:max'] as SubjectId[])
  })

  it('given an account archived at 00:30 on New Year’s Day in Berlin (23:30 UTC the day before), when the report is asked for as the UTC year would have ended its period, then it is still kept — for a year more', async () => {
    const store = right(openSqliteEventStore({ path: scratch.file() }))
    const newYear = account('kunde-4')
    const story: ReadonlyArray<[Instant, AccountEvent]> = [
      [at('2026-01-05'), opened(newYear, 'standard')],
      [at('2026-01-06'), mapped('erika', 'Erika', 'erika@muster.de', newYear)],
      ['2026-12-31T23:30:00.000Z' as Instant, archived(newYear)],
    ]
    right(await store.append(accountStream(newYear), story.map(([when, e]) => newEvent(e, { at: when })), { expectedVersion: 'no-stream' }))
    const db = sqliteReadModels<AuditTables>(scratch.file())
    right(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())

    // Counted in UTC the account was archived in 2026, and its period ended as 2033 began.
    const utcEnd = right(await retentionReport(db, '2033-01-01T00:00:00.000Z'))
    expect([utcEnd.dueForErasure, utcEnd.underRetention.map((a) => [a.accountId, a.retentionUntil]), utcEnd.subjectsDueForErasure]).toEqual([[], [[newYear, '2033-12-31T23:00:00.000Z']], []])
    const berlinEnd = right(await retentionReport(db, '2033-12-31T23:00:00.000Z'))
    expect([berlinEnd.dueForErasure.map((a) => a.accountId), berlinEnd.subjectsDueForErasure]).toEqual([[newYear], ['stakeholder:erika']])
  })
})
