// The same answers on PostgreSQL as on SQLite: every decision of a grid of requests over kunde-1's
// history, the alerts of the detectors and an owner's access review, built by one runtime each.
import {
  accessDetectorsProjection,
  accessLog,
  alerts,
  authorize,
  defaultDetectorSettings,
  grantUsageProjection,
  ownerAccessReview,
  decisionProjections,
  type DetectorTables,
  type ReviewTables,
} from '@account-ownership/access-control'
import type { EventStore } from '@account-ownership/core'
import { projectionRuntime, readModelProjections } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { kundeHistory } from './support/kunde-history.js'
import { postgresDatabases } from './support/postgres-database.js'
import type { Tables } from './support/recorded-history.js'
import { recordSteps } from './support/scenario.js'
import { scratchFiles } from './support/scratch-dir.js'

type All = Tables & DetectorTables & ReviewTables

const file = scratchFiles('dialects')
const postgres = postgresDatabases<All>()
const projections = [...readModelProjections, ...decisionProjections, accessDetectorsProjection(defaultDetectorSettings), grantUsageProjection]

const principals = ['hanna', 'felix', 'sven', 'ada', 'ben', 'dora', 'zoe']
const times = ['2026-02-28T00:00:00Z', '2026-03-04T10:00:00Z', '2026-03-06T09:00:00Z', '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z', '2026-03-15T09:00:00Z', '2026-03-20T00:00:00Z', '2026-04-01T00:00:00Z']
const requests = [
  ...principals.flatMap((principalId) =>
    times.flatMap((at) => ['kunde-1', 'kunde-2'].flatMap((accountId) => ['customer-support', 'audit'].flatMap((purpose) => (['read', 'write'] as const).map((action) => ({ principalId, accountId, purpose, action, at }))))),
  ),
  { principalId: 'hanna', accountId: 'kunde-9', purpose: 'audit', action: 'read' as const, at: '2026-03-04T10:00:00Z' },
]

// Catches the read models, detectors and review up with the log, and answers everything asked of `db`.
const answersOf = async (store: EventStore, db: Kysely<All>) => {
  const watched = await projectionRuntime({ store, db, projections, batchSize: 5 }).runUntilCaughtUp()
  if (E.isLeft(watched)) throw watched.left
  const decisions = []
  for (const request of requests) decisions.push(await authorize(db, request))
  return { decisions, alerts: await alerts(db, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }), review: await ownerAccessReview(db, { ownerId: 'hanna', at: '2026-03-16T00:00:00Z' }) }
}

describe('on PostgreSQL as on SQLite', () => {
  it(`decides ${requests.length} requests alike, and raises the same alerts from them`, { timeout: 120_000 }, async () => {
    const answers = []
    for (const db of [sqliteReadModels<All>(file('read-models.db')), await postgres()]) {
      const store = await recordSteps(kundeHistory)
      const built = await projectionRuntime({ store, db, projections }).runUntilCaughtUp()
      if (E.isLeft(built)) throw built.left
      // The decisions go to the access log, so that the detectors and the review have something to see.
      const log = accessLog({ store })
      if (E.isLeft(log)) throw log.left
      for (const request of requests) {
        const decided = await authorize(db, request)
        if (E.isRight(decided)) await log.right.record(decided.right, { tenantId: 'acme-de', correlationId: 'grid' })
      }
      answers.push(await answersOf(store, db))
    }
    const [sqlite, pg] = answers
    expect(pg!.decisions).toEqual(sqlite!.decisions)
    expect(pg!.alerts).toEqual(sqlite!.alerts)
    expect(pg!.review).toEqual(sqlite!.review)
    // The grid reaches every kind of answer.
    const reasons = new Set(sqlite!.decisions.map((d) => (E.isRight(d) ? d.right.reason : d.left._tag)))
    expect([...reasons].sort()).toEqual(
      ['UnknownAccountError', 'UnknownPrincipalError', 'account-archived', 'account-not-open', 'grant', 'grant-expired', 'grant-not-yet-valid', 'grant-revoked', 'no-grant', 'owner', 'principal-offboarded', 'purpose-not-covered', 'scope-not-covered', 'team-member'].sort(),
    )
    expect(E.isRight(sqlite!.alerts) && sqlite!.alerts.right.length).toBeGreaterThan(0)
  })
})
