// Property: one definition of "could access" (core's `hasAccess` on a replay up to t) is what
// every answer gives — `accessAt` and `grantsOf` on the read models, the Art. 15 report's
// periods, the disclosure's recipients and the access review on the audit tables — at every
// instant where something changes and a millisecond either side, on generated histories of
// owners, team members, grants, archives and restores. No report holds a period of zero length.
import { accountDecider, accountStream, hasAccess, inMemoryEventStore, plusMillis, spanHolds, type AccountEvent, type AccountState, type Instant, type PrincipalId } from '@account-ownership/core'
import { cast, commandSequenceArbitrary, newEvent, recordedEvents, runCommandSequence } from '@account-ownership/core/testing'
import { accessReview, auditProjection, subjectDisclosure, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { accessAt, grantsOf, projectionRuntime, readModelProjections, type AccessReason, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const right = <A>(e: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.message)
  return e.right
}

const controller = { controller: { name: 'ACME Vertrieb GmbH', contact: 'datenschutz@acme.example' } }
const keyOf = (r: AccessReason): string => (r.via === 'owner' ? 'owner' : r.via === 'team' ? `team:${r.role}` : `grant:${r.grant.grantId}`)
const periodKeyOf = (p: { readonly kind: string; readonly detail: string | null }): string => (p.kind === 'owner' ? 'owner' : `${p.kind}:${p.detail}`)
const beginnings = new Set(['OwnershipAssigned', 'OwnershipTransferred', 'TeamMemberAdded', 'AccessGranted'])

describe('could access: one definition', () => {
  it('accessAt, grantsOf, the Art. 15 report, the disclosure recipients and the access review agree with hasAccess on a replay up to t', async () => {
    await fc.assert(
      fc.asyncProperty(commandSequenceArbitrary({ maxSteps: 30 }), async (sequence) => {
        const run = runCommandSequence(sequence)
        const events = recordedEvents(run)
        fc.pre(events.length > 0)
        const atOf = new Map(run.flatMap((d) => (E.isRight(d.result) ? d.result.right.map((e) => [e, d.step.at] as const) : [])))
        const store = inMemoryEventStore()
        expect(E.isRight(await store.append(accountStream(sequence.accountId), events.map((e) => newEvent(e, { at: atOf.get(e)! })), { expectedVersion: 'no-stream' }))).toBe(true)
        const db = sqliteReadModels<ReadModels & AuditTables>(new Database(':memory:'))
        right(await projectionRuntime({ store, db, projections: [...readModelProjections, auditProjection()], batchSize: 6 }).runUntilCaughtUp())

        const timed = events.map((e) => [e, atOf.get(e)!] as const)
        const replayUpTo = (t: Instant): AccountState => timed.filter(([, at]) => at <= t).reduce((s, [e]) => accountDecider.evolve(s, e as AccountEvent), accountDecider.initialState)
        const grantTimes = events.flatMap((e) => (e.type === 'AccessGranted' ? [e.data.validFrom, ...(e.data.expiresAt === null ? [] : [e.data.expiresAt])] : []))
        const instants = [...new Set([...timed.map(([, at]) => at), ...grantTimes])].flatMap((t) => [plusMillis(t, -1), t, plusMillis(t, 1)])
        const principals = [...new Set<PrincipalId>([...Object.values(cast), ...events.flatMap((e) => ('ownerId' in e.data ? [e.data.ownerId] : 'granteeId' in e.data ? [e.data.granteeId] : 'principalId' in e.data ? [e.data.principalId] : []))])]
        const reports = new Map(await Promise.all(principals.map(async (p) => [p, right(await subjectReport(db, `principal:${p}`))] as const)))
        const grants = new Map(await Promise.all(principals.map(async (p) => [p, right(await grantsOf(db, p))] as const)))
        const recipients = right(await subjectDisclosure(db, `principal:${principals[0]!}`, { controller })).recipients
        const positions = new Map((await collect(store.readAll())).map((e) => [e.metadata.globalPosition, e.type]))

        for (const p of principals) {
          for (const period of reports.get(p)!.accessPeriods) {
            expect(period.to === null || period.from < period.to, `zero-length period of ${p}`).toBe(true)
            expect(beginnings.has(positions.get(period.source.globalPosition) ?? ''), `source of ${p}'s period`).toBe(true)
          }
        }
        for (const t of instants) {
          const state = replayUpTo(t)
          const reasons = right(await accessAt(db, sequence.accountId, t))
          const review = right(await accessReview(db, { at: t, olderThanDays: 0 }))
          for (const p of principals) {
            const expected = hasAccess(state, p, t)
            const viaAccessAt = reasons.filter((r) => r.principalId === p).map(keyOf).sort()
            expect(viaAccessAt.length > 0, `accessAt: ${p} at ${t}`).toBe(expected)
            const reported = reports.get(p)!.accessPeriods.filter((period) => period.accountId === sequence.accountId && spanHolds(period, t)).map(periodKeyOf).sort()
            expect(reported, `Art. 15 report of ${p} at ${t}`).toEqual(viaAccessAt)
            const inForce = grants.get(p)!.filter((g) => g.accountId === sequence.accountId && g.accessible.some((part) => spanHolds(part, t))).map((g) => `grant:${g.grantId}`).sort()
            expect(inForce, `grantsOf ${p} at ${t}`).toEqual(viaAccessAt.filter((k) => k.startsWith('grant:')))
          }
          const recipientsAt = [...new Set(recipients.filter((r) => r.accountId === sequence.accountId && spanHolds(r, t)).map((r) => r.principalId))].sort()
          if (reports.get(principals[0]!)!.accessPeriods.some((period) => period.accountId === sequence.accountId)) {
            expect(recipientsAt, `disclosure recipients at ${t}`).toEqual([...new Set(reasons.map((r) => r.principalId))].sort())
          }
          const grantReasons = reasons.flatMap((r) => (r.via === 'grant' ? [r.grant] : []))
          expect(review.withoutExpiry.map((g) => g.detail).sort(), `review without expiry at ${t}`).toEqual(grantReasons.filter((g) => g.expiresAt === null && g.endedAt === null).map((g) => g.grantId).sort())
          expect(review.olderThan.map((g) => g.detail).sort(), `review older than 0 days at ${t}`).toEqual(grantReasons.filter((g) => g.validFrom < t).map((g) => g.grantId).sort())
        }
        await db.destroy()
      }),
      { numRuns: 60 },
    )
  })
})

const collect = async <A>(iterable: AsyncIterable<A>): Promise<A[]> => {
  const all: A[] = []
  for await (const a of iterable) all.push(a)
  return all
}
