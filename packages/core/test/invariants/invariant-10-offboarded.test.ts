import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountDecider,
  handOver,
  inMemoryEventStore,
  plusMillis,
  principalCommandHandler,
  scanAccountIndex,
  type AccountEvent,
  type AccountState,
  type Instant,
  type PrincipalId,
  type PrincipalOffboarded,
  type RecordedEvent,
} from '@account-ownership/core'
import { offboardingHistoryArbitrary, tenant, type OffboardingHistory } from '@account-ownership/core/testing'

/* Record a history through the command handlers; the handover process manager reacts to each offboarding at once. */
const record = async (history: OffboardingHistory): Promise<ReadonlyArray<RecordedEvent>> => {
  const store = inMemoryEventStore()
  const accounts = accountCommandHandler({ store, policy: history.policy })
  const principals = principalCommandHandler({ store, policy: history.policy })
  const index = scanAccountIndex(store)
  for (const [i, step] of history.steps.entries()) {
    const context = { commandId: `cmd-${i}`, actor: step.actor, tenantId: tenant, occurredAt: step.at }
    if (step.kind === 'account') {
      await accounts.handle(step.command, context)
      continue
    }
    const offboarded = await principals.handle({ type: 'OffboardPrincipal', data: { principalId: step.principalId, successorId: step.successorId, reason: 'Leaves' } }, context)
    if (E.isRight(offboarded)) await handOver({ accounts, index }, offboarded.right.events[0] as RecordedEvent<PrincipalOffboarded>)
  }
  const events: RecordedEvent[] = []
  for await (const e of store.readAll()) events.push(e)
  return events
}

/* An independent reading of what a principal holds on an account: owner, team seat, grant not ended. */
const holds = (state: AccountState, p: PrincipalId): boolean =>
  state.status !== 'unopened' &&
  ((state.ownership.kind === 'owned' && state.ownership.ownerId === p) || Object.hasOwn(state.team, p) || Object.values(state.grants).some((g) => g.granteeId === p && g.status === 'active'))

const fold = (events: ReadonlyArray<RecordedEvent>): AccountState => events.reduce((s, e) => accountDecider.evolve(s, e as unknown as AccountEvent), accountDecider.initialState)

describe('invariant 10: after a principal is offboarded, at no later instant do they own, sit on a team or hold an active grant — archived, restored or not', () => {
  it('invariant 10: checked on the event log with a replay, in record order and in business time', async () => {
    let offboardings = 0
    let handedOver = 0
    let delayed = 0
    let archived = 0
    await fc.assert(
      fc.asyncProperty(offboardingHistoryArbitrary(), async (history) => {
        const events = await record(history)
        for (const off of events.filter((e) => e.type === 'PrincipalOffboarded')) {
          offboardings++
          const p = (off.data as PrincipalOffboarded['data']).principalId
          const recordedAt = off.metadata.globalPosition
          for (const accountId of history.accountIds) {
            const stream = events.filter((e) => e.metadata.streamId === `account-${accountId}`)
            const before = stream.filter((e) => e.metadata.globalPosition < recordedAt)
            const after = stream.filter((e) => e.metadata.globalPosition > recordedAt)
            if (holds(fold(before), p)) handedOver++
            if (holds(fold(before), p) && fold(before).status === 'archived') archived++
            // In record order: after the handover, and after every decision recorded later, the state leaves them out.
            const decided = after.flatMap((e, n) => (after[n + 1]?.metadata.commandId === e.metadata.commandId ? [] : [n + 1]))
            for (const n of after.length === 0 ? [0] : decided) {
              expect(holds(fold([...before, ...after.slice(0, n)]), p), `${p} on ${accountId} after the handover`).toBe(false)
            }
            // In business time: from the offboarding on — or from the account's last earlier event, where that is later — never again.
            const last = before.at(-1)?.metadata.occurredAt
            const from = last !== undefined && last > off.metadata.occurredAt ? last : off.metadata.occurredAt
            if (from !== off.metadata.occurredAt) delayed++
            const instants: Instant[] = [from, plusMillis(from, 1), ...stream.map((e) => e.metadata.occurredAt).filter((t) => t >= from)]
            for (const t of instants) {
              expect(holds(fold(stream.filter((e) => e.metadata.occurredAt <= t)), p), `${p} on ${accountId} at ${t}, offboarded at ${off.metadata.occurredAt}`).toBe(false)
            }
          }
        }
      }),
      // 600 histories: with 200, the handovers on archived accounts counted 1 to 12 over sixteen
      // runs, and a CI run met none, failing the coverage check below though nothing was wrong.
      { numRuns: 600 },
    )
    expect(offboardings).toBeGreaterThan(100)
    expect(handedOver).toBeGreaterThan(40)
    expect(delayed).toBeGreaterThan(5)
    expect(archived, 'handovers on archived accounts').toBeGreaterThan(0)
  })
})
