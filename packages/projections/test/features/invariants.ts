// Invariants 7 and 8 of DESIGN.md as properties over generated histories.
import { hasAccess, ownerOf, plusMillis, spanHolds, type Instant } from '@account-ownership/core'
import { epoch } from '@account-ownership/core/testing'
import { accessAt, grantsOf, ownerAt, ownershipHistory, projectionRuntime, ProjectionFailedError, readModelProjections, type AccessReason } from '@account-ownership/projections'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { crashingAt } from '../support/crashing-projection.js'
import { accounts, eventsOf, historyArbitrary, outOfOrderHistoryArbitrary, principals, record, replayUpTo } from '../support/history.js'
import { tableContents } from '../support/table-contents.js'
import type { TestDialect } from '../support/test-dialect.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}

const reasonKey = (r: AccessReason): string => (r.via === 'grant' ? `grant:${r.grant.grantId}:${r.principalId}` : `${r.via}:${r.principalId}`)

export const invariantFeatures = (dialect: TestDialect, options: { readonly runs: number }): void => {
  describe(`invariants (${dialect.name})`, () => {
    it('invariant 8: ownerAt, accessAt and the accessible parts of grantsOf agree with a replay of the stream up to t', async () => {
      const picks = fc.array(fc.tuple(fc.nat(), fc.constantFrom(-1, 0, 1, 3_600_000)), { minLength: 1, maxLength: 8 })
      await fc.assert(
        fc.asyncProperty(historyArbitrary(), picks, async (history, timePicks) => {
          const store = await record(history)
          const events = await eventsOf(store)
          const db = await dialect.open()
          right(await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 7 }).runUntilCaughtUp())
          const times = events.map((e) => e.metadata.occurredAt)
          // Every instant where something happened, and a millisecond either side, catch the
          // boundaries of the intervals; the drawn ones land anywhere in between.
          const grantTimes = events.flatMap((e) => (e.type === 'AccessGranted' ? [e.data.validFrom, ...(e.data.expiresAt === null ? [] : [e.data.expiresAt])] : []))
          const boundaries = [...new Set([...times, ...grantTimes])].flatMap((t) => [plusMillis(t, -1), t, plusMillis(t, 1)])
          const instants: Instant[] = [plusMillis(epoch, -1), ...boundaries, ...timePicks.map(([i, d]) => plusMillis(times[i % Math.max(times.length, 1)] ?? epoch, d))]
          const accountIds = [...new Set(events.map((e) => e.metadata.streamId.replace(/^account-/, '')))]
          const grantsByPrincipal = new Map(await Promise.all(principals.map(async (p) => [p, right(await grantsOf(db, p))] as const)))
          for (const t of instants) {
            for (const accountId of accountIds) {
              const state = replayUpTo(events, accountId, t)
              expect(right(await ownerAt(db, accountId, t))?.ownerId ?? null, `ownerAt(${accountId}, ${t})`).toBe(ownerOf(state))
              const reasons = right(await accessAt(db, accountId, t))
              const owner = ownerOf(state)
              const expected =
                state.status !== 'open'
                  ? []
                  : [
                      ...(owner === null ? [] : [`owner:${owner}`]),
                      ...Object.keys(state.team)
                        .sort()
                        .map((p) => `team:${p}`),
                      ...Object.values(state.grants)
                        .filter((g) => g.status === 'active' && g.validFrom <= t && (g.expiresAt === null || t < g.expiresAt))
                        .map((g) => `grant:${g.grantId}:${g.granteeId}`)
                        .sort(),
                    ]
              expect(reasons.map(reasonKey), `accessAt(${accountId}, ${t})`).toEqual(expected)
              for (const p of principals) {
                expect(reasons.some((r) => r.principalId === p)).toBe(hasAccess(state, p, t))
                const inForce = grantsByPrincipal.get(p)!.filter((g) => g.accountId === accountId && g.accessible.some((part) => spanHolds(part, t))).map((g) => `grant:${g.grantId}:${p}`)
                  .sort()
                expect(inForce, `grantsOf(${p}) in force on ${accountId} at ${t}`).toEqual(reasons.filter((r) => r.via === 'grant' && r.principalId === p).map(reasonKey))
              }
            }
          }
          await db.destroy()
        }),
        { numRuns: options.runs },
      )
    })

    it('invariant 9: commands at random, often out-of-order times leave every stream running forward, and no read model answers an owner or access before AccountOpened', async () => {
      const before = fc.array(fc.integer({ min: 1, max: 30 * 24 * 3600 * 1000 }), { minLength: 1, maxLength: 4 })
      await fc.assert(
        fc.asyncProperty(outOfOrderHistoryArbitrary(), before, async (history, gaps) => {
          const store = await record(history)
          const events = await eventsOf(store)
          const db = await dialect.open()
          right(await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 5 }).runUntilCaughtUp())
          for (const accountId of accounts) {
            const stream = events.filter((e) => e.metadata.streamId === `account-${accountId}`).map((e) => e.metadata.occurredAt)
            expect(stream, `business time of ${accountId}`).toEqual([...stream].sort())
            const opened = events.find((e) => e.type === 'AccountOpened' && e.metadata.streamId === `account-${accountId}`)?.metadata.occurredAt
            const earlier = opened === undefined ? [plusMillis(epoch, -1), ...stream] : [plusMillis(opened, -1), ...gaps.map((g) => plusMillis(opened, -g))]
            for (const t of earlier) {
              expect(right(await ownerAt(db, accountId, t)), `ownerAt(${accountId}, ${t}), opened ${opened}`).toBeNull()
              expect(right(await accessAt(db, accountId, t)), `accessAt(${accountId}, ${t}), opened ${opened}`).toEqual([])
            }
            for (const period of right(await ownershipHistory(db, accountId))) expect(opened !== undefined && period.from >= opened && (period.to === null || period.to >= period.from)).toBe(true)
          }
          for (const p of principals) for (const g of right(await grantsOf(db, p))) expect(g.validFrom >= (events.find((e) => e.type === 'AccountOpened' && e.metadata.streamId === `account-${g.accountId}`)?.metadata.occurredAt ?? '')).toBe(true)
          await db.destroy()
        }),
        { numRuns: options.runs },
      )
    })

    it('invariant 7: a read model built in batches, through crashes and stops, equals one rebuilt from zero', async () => {
      const crashes = fc.uniqueArray(fc.nat(), { maxLength: 3 })
      await fc.assert(
        fc.asyncProperty(
          historyArbitrary(20),
          fc.integer({ min: 1, max: 8 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          crashes,
          fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
          async (history, batchSize, split, crashPicks, stopAfter) => {
            const cut = Math.floor(history.steps.length * split)
            const store = await record(history, history.steps.slice(0, cut))
            const db = await dialect.open()
            const head = right(await store.headPosition())
            const crashPositions = [...new Set(crashPicks.map((c) => BigInt((c % Math.max(Number(head), 1)) + 1)))].filter((p) => p <= head).sort((a, b) => Number(a - b))
            for (const position of crashPositions) {
              const crashed = await projectionRuntime({ store, db, projections: readModelProjections.map((p) => crashingAt(p, position)), batchSize }).runUntilCaughtUp()
              expect(E.isLeft(crashed) && crashed.left instanceof ProjectionFailedError && crashed.left.position === position).toBe(true)
            }
            if (stopAfter !== undefined) {
              let batches = 0
              const runtime = projectionRuntime({ store, db, projections: readModelProjections, batchSize, onProgress: () => void (++batches === stopAfter && runtime.stop()) })
              right(await runtime.runUntilCaughtUp())
            }
            await record(history, history.steps.slice(cut), store)
            right(await projectionRuntime({ store, db, projections: readModelProjections, batchSize }).runUntilCaughtUp())
            const rebuilt = await dialect.open()
            right(await projectionRuntime({ store, db: rebuilt, projections: readModelProjections, batchSize: 1000 }).rebuild())
            expect(await tableContents(db)).toEqual(await tableContents(rebuilt))
            await db.destroy()
            await rebuilt.destroy()
          },
        ),
        { numRuns: options.runs },
      )
    })
  })
}
