// The read models answer the questions of the scenario: current owner and book of business,
// ownership history and `ownerAt`, access at a time and grants, and the KPIs.
import { cast } from '@account-ownership/core/testing'
import {
  accessAt,
  accountsPerOwner,
  archivedAccounts,
  bookOfBusiness,
  currentOwner,
  grantsDueForReview,
  grantsOf,
  grantsWithoutExpiry,
  orphanedAccounts,
  ownerAt,
  ownershipHistory,
  projectionRuntime,
  readModelProjections,
  timeOrphaned,
  transferDecisionTimes,
  transfersPerPeriod,
  type ReadModels,
} from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { at, day, hour, scenario } from '../support/scenario.js'
import type { TestDialect } from '../support/test-dialect.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

export const readModelFeatures = (dialect: TestDialect): void => {
  describe(`read models (${dialect.name})`, () => {
    let db: Kysely<ReadModels>
    beforeAll(async () => {
      db = await dialect.open()
      right(await projectionRuntime({ store: await scenario(), db, projections: readModelProjections, batchSize: 4 }).runUntilCaughtUp())
    })

    it('knows the current owner and the book of business of each owner', async () => {
      expect(right(await currentOwner(db, 'kunde-1'))).toMatchObject({ ownership: 'owned', ownerId: cast.felix, since: at(3 * day), tier: 'key' })
      expect(right(await currentOwner(db, 'kunde-9'))).toBeNull()
      expect(right(await bookOfBusiness(db, cast.felix)).map((a) => a.accountId)).toEqual(['kunde-1', 'kunde-2'])
      expect(right(await bookOfBusiness(db, cast.hanna))).toEqual([])
    })

    it('lists orphaned and archived accounts', async () => {
      expect((await orphanedAccounts(db)).map((a) => [a.accountId, a.previousOwnerId])).toEqual([['kunde-4', cast.hanna]])
      expect((await archivedAccounts(db)).map((a) => [a.accountId, a.archivedAt])).toEqual([['kunde-3', at(5 * day)]])
    })

    it('keeps the ownership periods and answers ownerAt', async () => {
      const periods = right(await ownershipHistory(db, 'kunde-1'))
      expect(periods.map((p) => [p.ownerId, p.from, p.to, p.beganWith, p.reasonCode, p.transferId, p.endedWith])).toEqual([
        [cast.hanna, at(hour), at(3 * day), 'assigned', null, null, 'transferred'],
        [cast.felix, at(3 * day), null, 'transferred', 'hunter-to-farmer', 'transfer-1', null],
      ])
      expect(periods[1]?.actorId).toBe(cast.dora)
      expect(right(await ownerAt(db, 'kunde-1', at(0)))).toBeNull()
      expect(right(await ownerAt(db, 'kunde-1', at(2 * day)))?.ownerId).toBe(cast.hanna)
      expect(right(await ownerAt(db, 'kunde-1', at(3 * day)))?.ownerId).toBe(cast.felix)
      expect(right(await ownerAt(db, 'kunde-2', at(5 * day)))).toBeNull()
    })

    it('answers who could access an account at a time, and why', async () => {
      const early = right(await accessAt(db, 'kunde-1', at(3 * hour)))
      expect(early.map((r) => [r.via, r.principalId])).toEqual([['owner', cast.hanna], ['grant', cast.sven]])
      expect(early[1]).toMatchObject({ grant: { purpose: 'customer-support', legalBasis: 'art6-1-b-contract', grantedBy: cast.hanna } })
      expect(right(await accessAt(db, 'kunde-1', at(2 * hour + 7 * day))).map((r) => r.principalId)).toEqual([cast.felix])
      expect(right(await accessAt(db, 'kunde-3', at(4 * day))).map((r) => r.principalId)).toEqual([cast.hanna])
      expect(right(await accessAt(db, 'kunde-3', at(5 * day)))).toEqual([])
    })

    it('lists the grants of a principal, those without expiry, and those due for review', async () => {
      expect(right(await grantsOf(db, cast.sven)).map((g) => [g.accountId, g.grantId, g.expiresAt])).toEqual([['kunde-1', 'grant-1', at(2 * hour + 7 * day)]])
      expect((await grantsWithoutExpiry(db)).map((g) => g.granteeId)).toEqual([cast.ada])
      expect(right(await grantsDueForReview(db, at(day))).map((g) => g.grantId)).toEqual(['grant-1'])
    })

    it('gives no access through a scheduled grant before its validFrom, though it was granted earlier', async () => {
      const principalsAt = async (t: string) => right(await accessAt(db, 'kunde-2', t)).map((r) => r.principalId)
      expect(await principalsAt(at(6 * day))).toEqual([cast.felix, cast.ada])
      expect(await principalsAt(at(8 * day - 1))).toEqual([cast.felix, cast.ada])
      expect(await principalsAt(at(8 * day))).toEqual([cast.felix, cast.ada, cast.hanna])
      expect(await principalsAt(at(10 * day))).toEqual([cast.felix, cast.ada])
    })

    it('ends a grant with its recorded expiry: endedHow says so, and the access review no longer lists it', async () => {
      expect(right(await grantsOf(db, cast.hanna))).toEqual([
        expect.objectContaining({ grantId: 'grant-3', validFrom: at(8 * day), expiresAt: at(10 * day), endedAt: at(11 * day), endedHow: 'expired' }),
      ])
      expect(right(await grantsDueForReview(db, at(12 * day))).map((g) => g.grantId)).toEqual(['grant-1', 'grant-2'])
    })

    it('counts transfers per period, decision times, accounts per owner and time orphaned', async () => {
      const window = { from: at(0), to: at(30 * day) }
      expect(right(await transfersPerPeriod(db, window, 'month'))).toEqual([{ period: '2026-03', reasonCode: 'hunter-to-farmer', transfers: 1 }])
      expect(right(await transfersPerPeriod(db, window, 'day'))).toEqual([{ period: '2026-03-15', reasonCode: 'hunter-to-farmer', transfers: 1 }])
      expect(right(await transferDecisionTimes(db, window))).toEqual([{ reasonCode: 'hunter-to-farmer', approved: 1, rejected: 0, averageMillis: 2 * day, longestMillis: 2 * day }])
      expect(await accountsPerOwner(db)).toEqual([{ ownerId: cast.felix, accounts: 2 }])
      expect(right(await timeOrphaned(db, at(10 * day)))).toEqual([
        { accountId: 'kunde-2', spells: 1, orphanedMillis: 2 * day, orphanedAt: false },
        { accountId: 'kunde-4', spells: 1, orphanedMillis: 6 * day, orphanedAt: true },
      ])
    })

    it('refuses bad input with an error naming the field', async () => {
      const tagOf = (e: E.Either<{ _tag: string; field: string }, unknown>) => (E.isLeft(e) ? [e.left._tag, e.left.field] : 'right')
      expect(tagOf(await ownerAt(db, 'kunde-1', '12.03.2026'))).toEqual(['InvalidQueryError', 'at'])
      expect(tagOf(await ownerAt(db, '', at(0)))).toEqual(['InvalidQueryError', 'accountId'])
      expect(tagOf(await accessAt(db, 'kunde-1', '2026-03-12'))).toEqual(['InvalidQueryError', 'at'])
      expect(tagOf(await grantsOf(db, ' '))).toEqual(['InvalidQueryError', 'principalId'])
      expect(tagOf(await transfersPerPeriod(db, { from: at(0), to: 'tomorrow' }))).toEqual(['InvalidQueryError', 'to'])
    })

    it('reads an instant with an offset as the same instant', async () => {
      expect(right(await ownerAt(db, 'kunde-1', '2026-03-15T10:00:00+01:00'))?.ownerId).toBe(cast.felix)
    })
  })
}
