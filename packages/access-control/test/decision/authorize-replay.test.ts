// authorize against a replay: for generated histories, every decision the read models give
// equals the one read off core's fold of the account's stream up to `at` — and allowed only
// where the one definition of "could access" (hasAccess) says the principal could. The facts
// authorize reads in its one statement name the principal exactly where projections' accessAt
// does, so the read models keep one definition too.
import { accessFactsOf, accessRequestOf, authorize, type AccessDecision, type DecisionAccessReason } from '@account-ownership/access-control'
import { hasAccess, plusMillis, spanHolds, type AccountState, type Grant, type Instant, type PrincipalId, type RecordedEvent } from '@account-ownership/core'
import { epoch, offboardingHistoryArbitrary } from '@account-ownership/core/testing'
import { accessAt } from '@account-ownership/projections'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { eventsOf, readModelsOf, recordHistory, replayUpTo, type Tables } from '../support/recorded-history.js'
import { scratchFiles } from '../support/scratch-dir.js'

const file = scratchFiles('replay')
let n = 0

type Expected = Pick<AccessDecision, 'outcome' | 'reason'> & { readonly grantIds?: ReadonlyArray<string> }

const byLatest = (a: Grant, b: Grant) => (a.validFrom !== b.validFrom ? (a.validFrom < b.validFrom ? 1 : -1) : a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0)

// The decision read off a replayed state, independently of the read models.
const expectedOf = (state: AccountState, offboarded: boolean, p: PrincipalId, t: Instant, action: 'read' | 'write', purpose: string): Expected => {
  if (state.status === 'unopened') return { outcome: 'denied', reason: 'account-not-open' }
  if (state.status === 'archived') return { outcome: 'denied', reason: 'account-archived' }
  if (offboarded) return { outcome: 'denied', reason: 'principal-offboarded' }
  if (state.ownership.kind === 'owned' && state.ownership.ownerId === p) return { outcome: 'allowed', reason: 'owner' }
  if (Object.hasOwn(state.team, p)) return { outcome: 'allowed', reason: 'team-member' }
  const mine = Object.values(state.grants).filter((g) => g.granteeId === p)
  const inForce = mine.filter((g) => g.status === 'active' && spanHolds({ from: g.validFrom, to: g.expiresAt }, t))
  const forPurpose = inForce.filter((g) => g.purpose === purpose)
  const covering = forPurpose.filter((g) => g.scope === 'read-write' || action === 'read')
  if (covering.length > 0) return { outcome: 'allowed', reason: 'grant', grantIds: covering.map((g) => g.grantId) }
  if (forPurpose.length > 0) return { outcome: 'denied', reason: 'scope-not-covered', grantIds: forPurpose.map((g) => g.grantId) }
  if (inForce.length > 0) return { outcome: 'denied', reason: 'purpose-not-covered', grantIds: inForce.map((g) => g.grantId) }
  const latest = [...mine].sort(byLatest)[0]
  if (latest === undefined) return { outcome: 'denied', reason: 'no-grant' }
  const reason = latest.status === 'revoked' ? 'grant-revoked' : latest.status === 'expired' || (latest.expiresAt !== null && latest.expiresAt <= t) ? 'grant-expired' : 'grant-not-yet-valid'
  return { outcome: 'denied', reason, grantIds: [latest.grantId] }
}

const reasonOf = (r: DecisionAccessReason) => (r.via === 'owner' ? ['owner', r.since] : r.via === 'team' ? ['team', r.role, r.since] : ['grant', r.grant.grantId])

// The facts of a request against accessAt: while the account is open and the principal not
// offboarded, the same reasons for them; while it is archived, accessAt names nobody.
const expectFactsAsAccessAt = async (db: Kysely<Tables>, input: unknown, what: string) => {
  const request = accessRequestOf(input)
  if (E.isLeft(request)) throw new Error(request.left.message)
  const facts = await accessFactsOf(db, request.right)
  const could = await accessAt(db, request.right.accountId, request.right.at)
  if (E.isLeft(facts) || E.isLeft(could)) throw new Error(`${what}: no facts or no accessAt`)
  if (facts.right.account === 'archived') expect(could.right, `${what}: archived`).toEqual([])
  if (facts.right.account !== 'open' || facts.right.offboardedAt !== null) return
  expect(facts.right.couldAccess.map(reasonOf), `${what}: the facts' reasons are accessAt's`).toEqual(could.right.filter((r) => r.principalId === request.right.principalId).map(reasonOf))
}

// Principals the log names anywhere as owner, team member, grantee, or as the one who opened,
// assigned, transferred, added, granted or offboarded.
const seenPrincipals = (events: ReadonlyArray<RecordedEvent>): ReadonlySet<string> => {
  const fields: Readonly<Record<string, ReadonlyArray<string>>> = {
    AccountOpened: ['openedBy'],
    OwnershipAssigned: ['ownerId', 'assignedBy'],
    OwnershipTransferred: ['fromOwnerId', 'toOwnerId', 'transferredBy'],
    TeamMemberAdded: ['principalId', 'addedBy'],
    AccessGranted: ['granteeId', 'grantedBy'],
    PrincipalOffboarded: ['principalId', 'offboardedBy'],
  }
  return new Set(events.flatMap((e) => (fields[e.type] ?? []).map((f) => (e.data as Record<string, string>)[f]!)))
}

describe('authorize agrees with a replay of the account stream up to `at`', () => {
  it('every decision — owner, team, grant, and each reason of a denial — for generated histories with offboardings', async () => {
    const picks = fc.array(fc.tuple(fc.nat(), fc.constantFrom(-1, 0, 1, 3_600_000), fc.constantFrom('read' as const, 'write' as const), fc.nat()), { minLength: 4, maxLength: 12 })
    const seen = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(offboardingHistoryArbitrary({ maxSteps: 25 }), picks, async (history, requests) => {
        const store = await recordHistory(history)
        const events = await eventsOf(store)
        const db = await readModelsOf(store, file(`read-models-${++n}.db`))
        const times = events.map((e) => e.metadata.occurredAt)
        const purposes = [...new Set(events.flatMap((e) => (e.type === 'AccessGranted' ? [e.data.purpose] : []))), 'another-purpose']
        const opened = new Set(events.flatMap((e) => (e.type === 'AccountOpened' ? [e.data.accountId as string] : [])))
        const known = seenPrincipals(events)
        for (const [i, shift, action, purposePick] of requests) {
          const at = plusMillis(times[i % Math.max(times.length, 1)] ?? epoch, shift)
          const purpose = purposes[purposePick % purposes.length]!
          for (const accountId of history.accountIds) {
            for (const p of history.principals) {
              const decided = await authorize(db, { principalId: p, accountId, action, purpose, at })
              if (opened.has(accountId)) await expectFactsAsAccessAt(db, { principalId: p, accountId, action, purpose, at }, `${p} on ${accountId} at ${at}`)
              if (!opened.has(accountId)) {
                expect(E.isLeft(decided) && decided.left._tag).toBe('UnknownAccountError')
                continue
              }
              const state = replayUpTo(events, accountId, at)
              const offboarded = events.some((e) => e.type === 'PrincipalOffboarded' && e.data.principalId === p && e.metadata.occurredAt <= at)
              const expected = expectedOf(state, offboarded, p, at, action, purpose)
              if (expected.outcome === 'denied' && !known.has(p)) {
                expect(E.isLeft(decided) && decided.left._tag, `${p} is known to nobody`).toBe('UnknownPrincipalError')
                continue
              }
              if (E.isLeft(decided)) throw new Error(`authorize refused ${p} on ${accountId} at ${at}: ${decided.left.message}`)
              const decision = decided.right
              const what = `${p} ${action}s ${accountId} for "${purpose}" at ${at}`
              expect({ outcome: decision.outcome, reason: decision.reason }, what).toEqual({ outcome: expected.outcome, reason: expected.reason })
              if (expected.grantIds !== undefined) expect(expected.grantIds, what).toContain(decision.grant?.grantId)
              if (decision.reason === 'team-member' && state.status !== 'unopened') expect(decision.teamRole).toBe(state.team[p])
              if (decision.outcome === 'allowed') expect(hasAccess(state, p, at), `${what}: allowed, so could access`).toBe(true)
              seen.set(decision.reason, (seen.get(decision.reason) ?? 0) + 1)
            }
          }
        }
        await db.destroy()
      }),
      { numRuns: 25 },
    )
    // The generated histories reach the interesting answers, not only 'no-grant'.
    for (const reason of ['owner', 'account-not-open'] as const) expect(seen.get(reason) ?? 0, `decisions with reason ${reason}`).toBeGreaterThan(0)
  })
})
