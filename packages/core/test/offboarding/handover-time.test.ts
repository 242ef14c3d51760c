import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountDecider,
  accountStream,
  handOver,
  inMemoryEventStore,
  ownerOf,
  principalCommandHandler,
  scanAccountIndex,
  type AccountCommandInput,
  type AccountEvent,
  type AccountId,
  type EventStore,
  type Instant,
  type PrincipalOffboarded,
  type RecordedEvent,
} from '@account-ownership/core'
import { cast, commandContext, tenant, testPolicy } from '@account-ownership/core/testing'

const { dora, hanna, felix, sven } = cast
const on = (date: string) => `2026-${date}T09:00:00.000Z` as Instant
const day = 24 * 3600 * 1000

/* Hanna has owned kunde-1 and kunde-2 since February, Sven has access to kunde-1; on 5 March
   kunde-2 is classified anew. The wall clock reads 20 March when her offboarding is recorded. */
const book = async () => {
  const store = inMemoryEventStore()
  const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => on('03-20') })
  const run = async (actor: string, command: AccountCommandInput, at: Instant) => {
    const handled = await accounts.handle(command, commandContext(actor as never, { occurredAt: at }))
    if (E.isLeft(handled)) throw new Error(handled.left.message)
  }
  for (const id of ['kunde-1', 'kunde-2']) {
    await run(dora, { type: 'OpenAccount', data: { accountId: id, tenantId: tenant, displayName: id, tier: 'standard' } }, on('02-02'))
    await run(dora, { type: 'AssignOwner', data: { accountId: id, ownerId: hanna } }, on('02-02'))
  }
  await run(hanna, { type: 'GrantAccess', data: { accountId: 'kunde-1', grantId: 'g-1', granteeId: sven, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: on('04-01') } }, on('02-10'))
  await run(dora, { type: 'ClassifyAccount', data: { accountId: 'kunde-2', tier: 'key', score: 90, criteria: ['revenue'] } }, on('03-05'))
  return { store, accounts, index: scanAccountIndex(store) }
}

const offboard = async (store: EventStore, principalId: string, successorId: string | null, at: Instant) => {
  const handled = await principalCommandHandler({ store, policy: testPolicy, clock: () => on('03-20') }).handle(
    { type: 'OffboardPrincipal', data: { principalId, successorId, reason: 'Left on 1 March' } },
    commandContext(dora, { occurredAt: at }),
  )
  if (E.isLeft(handled)) throw new Error(handled.left.message)
  return handled.right.events[0] as RecordedEvent<PrincipalOffboarded>
}

const ownerAt = async (store: EventStore, id: string, t: Instant) => {
  const events: AccountEvent[] = []
  for await (const e of store.readStream(accountStream(id as AccountId))) if (e.metadata.occurredAt <= t) events.push(e as unknown as AccountEvent)
  return ownerOf(events.reduce(accountDecider.evolve, accountDecider.initialState))
}

describe('the handover happens when the offboarding happened', () => {
  it('an account manager offboarded on 1 March (recorded on 20 March) no longer owns on 15 March: the successor does', async () => {
    const { store, accounts, index } = await book()
    const outcomes = await handOver({ accounts, index }, await offboard(store, hanna, felix, on('03-01')))
    expect(outcomes.find((o) => o.accountId === 'kunde-1')).toMatchObject({ recorded: 1, occurredAt: on('03-01'), delayedByMs: 0 })
    expect(await ownerAt(store, 'kunde-1', on('02-28'))).toBe(hanna)
    expect(await ownerAt(store, 'kunde-1', on('03-01'))).toBe(felix)
    expect(await ownerAt(store, 'kunde-1', on('03-15'))).toBe(felix)
  })

  it('without a successor the account is orphaned from 1 March', async () => {
    const { store, accounts, index } = await book()
    await handOver({ accounts, index }, await offboard(store, hanna, null, on('03-01')))
    expect(await ownerAt(store, 'kunde-1', on('03-15'))).toBeNull()
    const last = [] as RecordedEvent[]
    for await (const e of store.readStream(accountStream('kunde-1' as AccountId))) last.push(e)
    expect(last.at(-1)).toMatchObject({ type: 'AccountOrphaned', metadata: { occurredAt: on('03-01') } })
  })

  it("a grantee's access ends on the day of the offboarding", async () => {
    const { store, accounts, index } = await book()
    const [outcome] = await handOver({ accounts, index }, await offboard(store, sven, null, on('03-01')))
    expect(outcome).toMatchObject({ accountId: 'kunde-1', recorded: 1, occurredAt: on('03-01'), delayedByMs: 0 })
  })

  it('where the account already has later events, the handover takes the earliest instant allowed and reports the delay', async () => {
    const { store, accounts, index } = await book()
    const outcomes = await handOver({ accounts, index }, await offboard(store, hanna, felix, on('03-01')))
    expect(outcomes.find((o) => o.accountId === 'kunde-2')).toEqual({ accountId: 'kunde-2', recorded: 1, occurredAt: on('03-05'), delayedByMs: 4 * day })
    expect(await ownerAt(store, 'kunde-2', on('03-04'))).toBe(hanna)
    expect(await ownerAt(store, 'kunde-2', on('03-05'))).toBe(felix)
  })

  it('a second run reports the same times and records nothing', async () => {
    const { store, accounts, index } = await book()
    const event = await offboard(store, hanna, felix, on('03-01'))
    const first = await handOver({ accounts, index }, event)
    const head = await store.headPosition()
    expect(await handOver({ accounts, index }, event)).toEqual(first)
    expect(await store.headPosition()).toEqual(head)
  })
})
