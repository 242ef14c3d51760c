// The access review of one owner: the grants they gave, their age and use, those never used —
// and the review's outcome recorded as events, its revocations carried out.
import { accessLog, authorize, grantUsageProjection, ownerAccessReview, decisionProjections, recordReview, type ReviewTables } from '@account-ownership/access-control'
import { accountCommandHandler, type EventStore, type RecordedEvent } from '@account-ownership/core'
import { testPolicy } from '@account-ownership/core/testing'
import { projectionRuntime, readModelProjections } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { kundeHistory } from '../support/kunde-history.js'
import type { Tables } from '../support/recorded-history.js'
import { scenarioReadModels } from '../support/scenario.js'
import { scratchFiles } from '../support/scratch-dir.js'

const file = scratchFiles('review')
let store: EventStore
let db: Kysely<Tables & ReviewTables>

const catchUp = async () => {
  const ran = await projectionRuntime({ store, db, projections: [...readModelProjections, ...decisionProjections, grantUsageProjection] }).runUntilCaughtUp()
  if (E.isLeft(ran)) throw ran.left
}

const review = async (at: string) => {
  const answered = await ownerAccessReview(db, { ownerId: 'hanna', at })
  if (E.isLeft(answered)) throw new Error(answered.left.message)
  return answered.right
}

beforeAll(async () => {
  ;({ store, db } = (await scenarioReadModels(kundeHistory, file('read-models.db'))) as { store: EventStore; db: Kysely<Tables & ReviewTables> })
  // Sven reads kunde-1 twice under his grant; the decisions go to the access log.
  const log = accessLog({ store })
  if (E.isLeft(log)) throw log.left
  for (const at of ['2026-03-04T10:00:00Z', '2026-03-09T15:30:00Z']) {
    const decided = await authorize(db, { principalId: 'sven', accountId: 'kunde-1', action: 'read', purpose: 'customer-support', at })
    if (E.isLeft(decided)) throw new Error(decided.left.message)
    await log.right.record(decided.right, { tenantId: 'acme-de', correlationId: `req-${at}` })
  }
  await catchUp()
})

describe('given the grants Hanna gave on kunde-1', () => {
  it('then her review lists those in force with age and last use, and the one never used apart', async () => {
    const report = await review('2026-03-16T10:00:00Z')
    expect(report.grants.map((g) => [g.grantId, g.granteeId, g.ageDays, g.uses, g.lastUsedAt, g.lastReview])).toEqual([
      ['g-ada', 'ada', 13, 0, null, null],
      ['g-sven', 'sven', 13, 2, '2026-03-09T15:30:00.000Z', null],
    ])
    expect(report.neverUsed.map((g) => g.grantId)).toEqual(['g-ada'])
    // Ben's grant was revoked on 6 March: not in force, not under review.
    expect(report.grants.some((g) => g.grantId === 'g-ben')).toBe(false)
  })

  it.each([
    ['before his first use', '2026-03-04T09:59:59.999Z', 0, null],
    ['at his first use', '2026-03-04T10:00:00.000Z', 1, '2026-03-04T10:00:00.000Z'],
    ['between his uses', '2026-03-09T15:29:59.999Z', 1, '2026-03-04T10:00:00.000Z'],
    ['at his second use', '2026-03-09T15:30:00.000Z', 2, '2026-03-09T15:30:00.000Z'],
  ])('when the review is as of a date %s, then Sven\'s grant counts only the uses by then', async (_, at, uses, lastUsedAt) => {
    const report = await review(at)
    expect(report.grants.find((g) => g.grantId === 'g-sven')).toMatchObject({ uses, lastUsedAt })
    expect(report.neverUsed.some((g) => g.grantId === 'g-sven')).toBe(uses === 0)
  })

  it('when Sven reads again after the review date, then the review as of that date stays as it was', async () => {
    const before = await review('2026-03-16T10:00:00Z')
    const log = accessLog({ store })
    if (E.isLeft(log)) throw log.left
    const decided = await authorize(db, { principalId: 'sven', accountId: 'kunde-1', action: 'read', purpose: 'customer-support', at: '2026-03-20T08:00:00Z' })
    if (E.isLeft(decided)) throw new Error(decided.left.message)
    await log.right.record(decided.right, { tenantId: 'acme-de', correlationId: 'req-later' })
    await catchUp()
    expect(await review('2026-03-16T10:00:00Z')).toEqual(before)
    expect((await review('2026-03-21T00:00:00Z')).grants.find((g) => g.grantId === 'g-sven')).toMatchObject({ uses: 3, lastUsedAt: '2026-03-20T08:00:00.000Z' })
  })

  it('when she confirms one and revokes the other, then the review stream records both and the grant ends with reason access-review', async () => {
    const recorded = await recordReview(
      { store, accounts: accountCommandHandler({ store, policy: testPolicy }) },
      { reviewId: 'q1-hanna', reviewedBy: 'hanna', tenantId: 'acme-de', at: '2026-03-16T11:00:00Z', decisions: [{ accountId: 'kunde-1', grantId: 'g-sven', outcome: 'confirmed' }, { accountId: 'kunde-1', grantId: 'g-ada', outcome: 'revoked' }] },
    )
    expect(E.isRight(recorded) && recorded.right).toEqual({ reviewStream: 'accessreview-q1-hanna', revocations: [{ accountId: 'kunde-1', grantId: 'g-ada', outcome: E.right('revoked') }] })
    const reviewEvents: RecordedEvent[] = []
    for await (const e of store.readStream('accessreview-q1-hanna' as never)) reviewEvents.push(e)
    expect(reviewEvents.map((e) => [e.type, e.data, e.metadata.actor.principalId, e.metadata.occurredAt])).toEqual([
      ['GrantReviewed', { accountId: 'kunde-1', grantId: 'g-sven', reviewedBy: 'hanna', outcome: 'confirmed' }, 'hanna', '2026-03-16T11:00:00.000Z'],
      ['GrantReviewed', { accountId: 'kunde-1', grantId: 'g-ada', reviewedBy: 'hanna', outcome: 'revoked' }, 'hanna', '2026-03-16T11:00:00.000Z'],
    ])
    const revoked: RecordedEvent[] = []
    for await (const e of store.readStream('account-kunde-1' as never)) if (e.type === 'AccessRevoked') revoked.push(e)
    expect(revoked.at(-1)?.data).toEqual({ accountId: 'kunde-1', grantId: 'g-ada', revokedBy: 'hanna', reason: 'access-review' })

    await catchUp()
    const after = await review('2026-03-17T00:00:00Z')
    expect(after.grants.map((g) => [g.grantId, g.lastReview])).toEqual([['g-sven', { outcome: 'confirmed', at: '2026-03-16T11:00:00.000Z', by: 'hanna' }]])
    // A review is recorded once: recording the same review id again (a retry) records nothing more.
    const again = await recordReview({ store, accounts: accountCommandHandler({ store, policy: testPolicy }) }, { reviewId: 'q1-hanna', reviewedBy: 'hanna', tenantId: 'acme-de', at: '2026-03-16T12:00:00Z', decisions: [{ accountId: 'kunde-1', grantId: 'g-sven', outcome: 'confirmed' }] })
    expect(E.isRight(again)).toBe(true)
    let count = 0
    for await (const _ of store.readStream('accessreview-q1-hanna' as never)) count++
    expect(count).toBe(2)
  })

  it.each([
    ['reviewId', { reviewId: 'q1 hanna' }],
    ['at', { at: 'end of June' }],
    ['decisions[0].outcome', { decisions: [{ accountId: 'kunde-1', grantId: 'g-sven', outcome: 'maybe' }] }],
    ['decisions', { decisions: [] }],
  ])('then a bad %s of a review outcome is refused by name', async (field, change) => {
    const refused = await recordReview({ store, accounts: accountCommandHandler({ store, policy: testPolicy }) }, { reviewId: 'q2-hanna', reviewedBy: 'hanna', tenantId: 'acme-de', at: '2026-06-30T10:00:00Z', decisions: [{ accountId: 'kunde-1', grantId: 'g-sven', outcome: 'confirmed' }], ...change })
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'InvalidAccessRequestError', field })
  })

  it.each([
    ['ownerId', { ownerId: '', at: '2026-03-12T00:00:00Z' }],
    ['at', { ownerId: 'hanna', at: '2026-13-01T00:00:00Z' }],
  ])('then a bad %s of the review query is refused by name', async (field, options) => {
    const refused = await ownerAccessReview(db, options)
    expect(E.isLeft(refused) && refused.left).toMatchObject({ _tag: 'InvalidQueryError', field })
  })
})
