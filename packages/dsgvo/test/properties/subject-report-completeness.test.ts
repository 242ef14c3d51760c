// Property: the Art. 15 report of a principal lists every ownership period and every grant period
// that a replay of the account's events shows for them — read off the states `evolve` produces,
// not off the events the projection reads.
import { accountDecider, accountStream, inMemoryEventStore, ownerOf, type AccountState, type PrincipalId } from '@account-ownership/core'
import { cast, commandSequenceArbitrary, newEvent, recordedEvents, runCommandSequence } from '@account-ownership/core/testing'
import { auditProjection, encryptingEventStore, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

type Period = readonly [kind: 'owner' | 'grant', principal: string, grant: string | null, from: bigint, to: bigint | null]

/** Periods by diffing consecutive states of a replay; positions are 1-based like the store's. */
const replayPeriods = (states: ReadonlyArray<AccountState>): Period[] => {
  const open = new Map<string, [Period[0], string, string | null, bigint]>()
  const closed: Period[] = []
  const end = (key: string, at: bigint) => {
    const p = open.get(key)
    if (p !== undefined) closed.push([...p, at])
    open.delete(key)
  }
  states.slice(1).forEach((after, i) => {
    const before = states[i]!
    const at = BigInt(i + 1)
    if (ownerOf(before) !== ownerOf(after)) {
      end('owner', at)
      const owner = ownerOf(after)
      if (owner !== null) open.set('owner', ['owner', owner, null, at])
    }
    const grantsBefore = before.status === 'unopened' ? {} : before.grants
    const grantsAfter = after.status === 'unopened' ? {} : after.grants
    for (const [id, grant] of Object.entries(grantsAfter)) {
      const was = grantsBefore[id]
      if (was === grant) continue
      if (was?.status === 'active') end(`grant:${id}`, at)
      if (grant.status === 'active') open.set(`grant:${id}`, ['grant', grant.granteeId, id, at])
    }
  })
  return [...closed, ...[...open.values()].map((p): Period => [...p, null])]
}

const sorted = (periods: Period[]) => [...periods].sort((a, b) => (a[3] === b[3] ? (a[0] < b[0] ? -1 : 1) : a[3] < b[3] ? -1 : 1))

describe('the Art. 15 subject report', () => {
  it('lists every ownership and grant period the replay shows for a principal', async () => {
    await fc.assert(
      fc.asyncProperty(commandSequenceArbitrary({ maxSteps: 30 }), async (sequence) => {
        const run = runCommandSequence(sequence)
        const events = recordedEvents(run)
        fc.pre(events.length > 0)
        const atOf = new Map(run.flatMap((d) => (E.isRight(d.result) ? d.result.right.map((e) => [e, d.step.at] as const) : [])))
        const keys = sqliteKeyStore(new Database(':memory:'), { owned: true })
        const store = encryptingEventStore({ store: inMemoryEventStore(), keys })
        const appended = await store.append(accountStream(sequence.accountId), events.map((e) => newEvent(e, { at: atOf.get(e)! })), { expectedVersion: 'no-stream' })
        expect(E.isRight(appended)).toBe(true)
        const db = sqliteReadModels<AuditTables>(new Database(':memory:'))
        const projected = await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp()
        expect(E.isRight(projected)).toBe(true)

        const states: AccountState[] = [accountDecider.initialState]
        for (const e of events) states.push(accountDecider.evolve(states[states.length - 1]!, e))
        const replayed = replayPeriods(states)
        const principals = new Set<string>([...Object.values(cast), ...replayed.map((p) => p[1])])
        for (const principal of principals) {
          const report = await subjectReport(db, `principal:${principal as PrincipalId}`)
          if (E.isLeft(report)) throw new Error(report.left.message)
          const reported = report.right.accessPeriods
            .filter((p) => p.kind !== 'team')
            .map((p): Period => [p.kind as 'owner' | 'grant', p.principalId, p.detail, p.source.globalPosition, p.endPosition])
          expect(sorted(reported)).toEqual(sorted(replayed.filter((p) => p[1] === principal)))
        }
        await db.destroy()
        await keys.close()
      }),
      { numRuns: 60 },
    )
  })
})
