import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountStream,
  handOver,
  inMemoryEventStore,
  principalCommandHandler,
  scanAccountIndex,
  type AccountCommandInput,
  type AccountId,
  type EventStore,
  type PrincipalOffboarded,
  type RecordedEvent,
} from '@account-ownership/core'
import { account, cast, commandContext, epoch, tenant, testPolicy } from '@account-ownership/core/testing'

const { dora, hanna, felix, sven } = cast

/* Hanna owns kunde-1 (Felix in the team, Sven with access) and the archived kunde-3;
   Felix owns kunde-2, with a transfer to Hanna pending, and kunde-4, where Hanna has access. */
const bookOfBusiness = async () => {
  const store = inMemoryEventStore()
  // The book is written by a handler whose clock stands at the epoch; the handover dates its
  // commands at the offboarding, months later, so this handler allows any distance ahead.
  const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => epoch, maxAheadOfClock: Number.MAX_SAFE_INTEGER })
  const run = async (actor: typeof dora, command: AccountCommandInput) => {
    const handled = await accounts.handle(command, commandContext(actor))
    if (E.isLeft(handled)) throw new Error(handled.left.message)
  }
  const openOwned = async (id: string, owner: typeof hanna, tier: 'key' | 'standard' = 'standard') => {
    await run(dora, { type: 'OpenAccount', data: { accountId: id, tenantId: tenant, displayName: id, tier } })
    await run(dora, { type: 'AssignOwner', data: { accountId: id, ownerId: owner } })
  }
  const access = (id: string, granteeId: string) =>
    ({ type: 'GrantAccess', data: { accountId: id, grantId: `grant-${granteeId}`, granteeId, scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: '2026-03-19T09:00:00.000Z' } }) as const
  await openOwned('kunde-1', hanna)
  await run(hanna, { type: 'AddTeamMember', data: { accountId: 'kunde-1', principalId: felix, role: 'sales' } })
  await run(hanna, access('kunde-1', sven))
  await openOwned('kunde-2', felix, 'key')
  await run(felix, { type: 'TransferOwnership', data: { accountId: 'kunde-2', transferId: 't-1', toOwnerId: hanna, reasonCode: 'workload-balancing' } })
  await openOwned('kunde-3', hanna)
  await run(hanna, { type: 'ArchiveAccount', data: { accountId: 'kunde-3', reason: 'churned' } })
  await openOwned('kunde-4', felix)
  await run(felix, access('kunde-4', hanna))
  return { store, accounts, index: scanAccountIndex(store) }
}

const offboard = async (store: EventStore, successorId: typeof felix | null) => {
  const handled = await principalCommandHandler({ store, policy: testPolicy }).handle(
    { type: 'OffboardPrincipal', data: { principalId: hanna, successorId, reason: 'Leaves the company' } },
    commandContext(dora),
  )
  if (E.isLeft(handled)) throw new Error(handled.left.message)
  return handled.right.events[0] as RecordedEvent<PrincipalOffboarded>
}

const streamOf = async (store: EventStore, id: string) => {
  const out = []
  for await (const e of store.readStream(accountStream(id as AccountId))) out.push(e)
  return out
}
const tail = async (store: EventStore, id: string) => (await streamOf(store, id)).slice(-2).map((e) => e.type)

describe('the offboarding handover', () => {
  it("hands each of the principal's accounts over: to the successor, rejecting transfers to them, revoking their access", async () => {
    const { store, accounts, index } = await bookOfBusiness()
    const outcomes = await handOver({ accounts, index }, await offboard(store, felix))
    expect(outcomes.map((o) => [o.accountId, o.recorded, o.refused?._tag])).toEqual([
      ['kunde-1', 1, undefined],
      ['kunde-2', 1, undefined],
      ['kunde-3', 1, undefined],
      ['kunde-4', 1, undefined],
    ])
    expect(await tail(store, 'kunde-1')).toEqual(['AccessGranted', 'OwnershipTransferred'])
    expect(await tail(store, 'kunde-2')).toEqual(['OwnershipTransferRequested', 'OwnershipTransferRejected'])
    expect(await tail(store, 'kunde-4')).toEqual(['AccessGranted', 'AccessRevoked'])
    expect((await streamOf(store, 'kunde-1')).at(-1)?.data).toMatchObject({ fromOwnerId: hanna, toOwnerId: felix, reasonCode: 'owner-offboarded', transferredBy: dora })
  })

  it('orphans the accounts when no successor is named', async () => {
    const { store, accounts, index } = await bookOfBusiness()
    await handOver({ accounts, index }, await offboard(store, null))
    expect(await tail(store, 'kunde-1')).toEqual(['AccessGranted', 'AccountOrphaned'])
  })

  it('takes the principal out of the team where they are a member', async () => {
    const { store, accounts, index } = await bookOfBusiness()
    const offboarded = await principalCommandHandler({ store, policy: testPolicy }).handle(
      { type: 'OffboardPrincipal', data: { principalId: felix, successorId: null, reason: 'Role change' } },
      commandContext(dora),
    )
    await handOver({ accounts, index }, (offboarded as E.Right<{ events: ReadonlyArray<RecordedEvent<PrincipalOffboarded>> }>).right.events[0]!)
    expect(await tail(store, 'kunde-1')).toEqual(['AccessGranted', 'TeamMemberRemoved'])
    expect(await tail(store, 'kunde-4')).toEqual(['AccessGranted', 'AccountOrphaned'])
  })

  it('records nothing twice when it runs a second time (after a crash, on a replay)', async () => {
    const { store, accounts, index } = await bookOfBusiness()
    const event = await offboard(store, felix)
    const first = await handOver({ accounts, index }, event)
    const head = await store.headPosition()
    const second = await handOver({ accounts, index }, event)
    expect(await store.headPosition()).toEqual(head)
    expect(second.map((o) => [o.accountId, o.recorded, o.refused?._tag])).toEqual(first.map((o) => [o.accountId, o.recorded, o.refused?._tag]))
  })

  it('finds an account through every way a principal is part of it: owner, requested new owner, grantee, team member', async () => {
    const { index } = await bookOfBusiness()
    const found = async (p: string) => {
      const out: string[] = []
      for await (const id of index.accountsOf(p as never)) out.push(id)
      return out
    }
    expect(await found(hanna)).toEqual(['kunde-1', 'kunde-2', 'kunde-3', 'kunde-4'])
    expect(await found(felix)).toEqual(['kunde-1', 'kunde-2', 'kunde-4'])
    expect(await found(sven)).toEqual(['kunde-1'])
    expect(await found(account('nobody'))).toEqual([])
  })
})
