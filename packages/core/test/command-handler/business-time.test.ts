import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountStream,
  inMemoryEventStore,
  principalCommandHandler,
  principalStream,
  type EventStore,
  type Instant,
  type StreamId,
} from '@account-ownership/core'
import { account, cast, commandContext, commandSequenceArbitrary, tenant, testPolicy } from '@account-ownership/core/testing'

const accountId = account()
const { dora, hanna, felix } = cast
const march = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z` as Instant
const open = { type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: 'ACME', tier: 'standard' } } as const
const assign = { type: 'AssignOwner', data: { accountId, ownerId: hanna } } as const
const transfer = (transferId: string, toOwnerId: string) => ({ type: 'TransferOwnership', data: { accountId, transferId, toOwnerId, reasonCode: 'territory-change' } }) as const

const stream = async (store: EventStore, id: StreamId) => {
  const out = []
  for await (const e of store.readStream(id)) out.push(e)
  return out
}

describe('invariant 9: business time never runs backwards in a stream', () => {
  it('refuses a transfer dated 1 February after one dated 1 March, naming both instants, and appends nothing', async () => {
    const store = inMemoryEventStore()
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    await accounts.handle(open, commandContext(dora, { occurredAt: march(1) }))
    await accounts.handle(assign, commandContext(dora, { occurredAt: march(1) }))
    await accounts.handle(transfer('t-1', felix), commandContext(hanna, { occurredAt: march(1) }))
    const before = await store.headPosition()
    const late = await accounts.handle(transfer('t-2', hanna), commandContext(felix, { occurredAt: '2026-02-01T09:00:00.000Z' as Instant }))
    expect(late).toEqual(
      E.left(expect.objectContaining({ _tag: 'OccurredBeforeLastEventError', field: 'context.occurredAt', occurredAt: '2026-02-01T09:00:00.000Z', lastOccurredAt: march(1) })),
    )
    expect(await store.headPosition()).toEqual(before)
  })

  it('accepts a command at the same instant as the last event; the stream version orders them', async () => {
    const store = inMemoryEventStore()
    const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => march(2) })
    await accounts.handle(open, commandContext(dora))
    expect(E.isRight(await accounts.handle(assign, commandContext(dora)))).toBe(true)
    expect((await stream(store, accountStream(accountId))).map((e) => e.metadata.occurredAt)).toEqual([march(2), march(2)])
  })

  it("records a command without a date at the stream's last event where the clock lags behind it (writers whose clocks differ)", async () => {
    const store = inMemoryEventStore()
    await accountCommandHandler({ store, policy: testPolicy, clock: () => march(5) }).handle(open, commandContext(dora))
    const handled = await accountCommandHandler({ store, policy: testPolicy, clock: () => march(4) }).handle(assign, commandContext(dora))
    expect(E.isRight(handled) && handled.right.events.map((e) => e.metadata.occurredAt)).toEqual([march(5)])
  })

  it('answers a repeated command id with its first outcome even when dated earlier (deduplication comes first)', async () => {
    const store = inMemoryEventStore()
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    await accounts.handle(open, commandContext(dora, { occurredAt: march(1) }))
    const context = commandContext(dora, { occurredAt: march(1) })
    await accounts.handle(assign, context)
    await accounts.handle(transfer('t-1', felix), commandContext(hanna, { occurredAt: march(9) }))
    expect(await accounts.handle(assign, context)).toEqual(E.right(expect.objectContaining({ deduplicated: true })))
  })

  it('holds for principal streams too', async () => {
    const store = inMemoryEventStore()
    const principals = principalCommandHandler({ store, policy: testPolicy })
    const offboard = { type: 'OffboardPrincipal', data: { principalId: hanna, successorId: null, reason: 'Leaves' } } as const
    expect(E.isRight(await principals.handle(offboard, commandContext(dora, { occurredAt: march(3) })))).toBe(true)
    // A second offboarding, dated earlier, is refused for its date before the decider sees it.
    expect(await principals.handle(offboard, commandContext(dora, { occurredAt: march(2) }))).toEqual(
      E.left(expect.objectContaining({ _tag: 'OccurredBeforeLastEventError', lastOccurredAt: march(3) })),
    )
    expect((await stream(store, principalStream(hanna))).length).toBe(1)
  })

  it('property: commands sent at random, often out-of-order times leave every stream non-decreasing in business time', async () => {
    const jitter = fc.array(fc.integer({ min: -5 * 24 * 3600 * 1000, max: 5 * 24 * 3600 * 1000 }), { minLength: 40, maxLength: 40 })
    let refused = 0
    await fc.assert(
      fc.asyncProperty(commandSequenceArbitrary({ maxSteps: 30 }), jitter, async (sequence, shifts) => {
        const store = inMemoryEventStore()
        const accounts = accountCommandHandler({ store, policy: sequence.policy })
        for (const [i, step] of sequence.steps.entries()) {
          const occurredAt = new Date(Date.parse(step.at) + (shifts[i] ?? 0)).toISOString()
          const handled = await accounts.handle(step.command, { commandId: `cmd-${i}`, actor: step.actor, tenantId: tenant, occurredAt })
          if (E.isLeft(handled) && handled.left._tag === 'OccurredBeforeLastEventError') refused++
        }
        const times = []
        for await (const e of store.readAll()) times.push([e.metadata.streamId, e.metadata.occurredAt] as const)
        for (const id of new Set(times.map(([s]) => s))) {
          const own = times.filter(([s]) => s === id).map(([, t]) => t)
          expect(own, `business time of ${id}`).toEqual([...own].sort())
        }
      }),
      { numRuns: 150 },
    )
    expect(refused).toBeGreaterThan(100)
  })
})

describe('business time does not run ahead of the clock', () => {
  const clockAt = march(10)
  const ahead = (millis: number) => new Date(Date.parse(clockAt) + millis).toISOString() as Instant

  it('accepts a command dated up to five minutes after the clock (clocks that differ) and refuses one a millisecond later, naming the field, the instants and the allowance; nothing is appended', async () => {
    const store = inMemoryEventStore()
    const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => clockAt })
    expect(E.isRight(await accounts.handle(open, commandContext(dora, { occurredAt: ahead(5 * 60_000) })))).toBe(true)
    const before = await store.headPosition()
    const refused = await accounts.handle(assign, commandContext(dora, { occurredAt: ahead(5 * 60_000 + 1) }))
    expect(refused).toEqual(E.left(expect.objectContaining({ _tag: 'OccurredInFutureError', field: 'context.occurredAt', occurredAt: ahead(5 * 60_000 + 1), now: clockAt, maxAheadOfClock: 300_000 })))
    expect(await store.headPosition()).toEqual(before)
  })

  it('given a command dated next year, when refused, then the stream still takes today’s commands (one bad date cannot freeze it)', async () => {
    const store = inMemoryEventStore()
    const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => clockAt })
    await accounts.handle(open, commandContext(dora, { occurredAt: clockAt }))
    const nextYear = await accounts.handle(assign, commandContext(dora, { occurredAt: '2027-03-10T09:00:00.000Z' as Instant }))
    expect(E.isLeft(nextYear) && nextYear.left._tag).toBe('OccurredInFutureError')
    expect(E.isRight(await accounts.handle(assign, commandContext(dora, { occurredAt: clockAt })))).toBe(true)
  })

  it('takes the allowance from maxAheadOfClock, and refuses a configuration that is no whole number of milliseconds by naming it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 10 * 60_000 }), fc.integer({ min: -60_000, max: 60_000 }), async (allowance, offset) => {
        const accounts = accountCommandHandler({ store: inMemoryEventStore(), policy: testPolicy, clock: () => clockAt, maxAheadOfClock: allowance })
        expect(E.isRight(await accounts.handle(open, commandContext(dora, { occurredAt: ahead(allowance + offset) })))).toBe(offset <= 0)
      }),
      { numRuns: 20 },
    )
    for (const bad of [-1, 1.5, Number.POSITIVE_INFINITY, '300000', null]) {
      expect(() => accountCommandHandler({ store: inMemoryEventStore(), policy: testPolicy, maxAheadOfClock: bad as never })).toThrow(expect.objectContaining({ _tag: 'InvalidHandlerConfigError', field: 'maxAheadOfClock' }))
    }
  })
})
