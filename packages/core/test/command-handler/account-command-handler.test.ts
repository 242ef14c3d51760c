import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountStream,
  inMemoryEventStore,
  StoreUnavailableError,
  type EventStore,
} from '@account-ownership/core'
import { account, cast, commandContext, epoch, newEvent, steppingClock, tenant, testPolicy } from '@account-ownership/core/testing'

const accountId = account()
const stream = accountStream(accountId)
const { dora, hanna, felix, sven } = cast
const open = { type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: 'ACME', tier: 'standard' } } as const
const assign = { type: 'AssignOwner', data: { accountId, ownerId: hanna } } as const
const addFelix = { type: 'AddTeamMember', data: { accountId, principalId: felix, role: 'sales' } } as const
const felixJoined = newEvent({ type: 'TeamMemberAdded', data: { accountId, principalId: felix, role: 'sales', addedBy: dora } })

const opened = async (store: EventStore = inMemoryEventStore()) => {
  const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => epoch })
  await accounts.handle(open, commandContext(dora))
  await accounts.handle(assign, commandContext(dora))
  return store
}

/* A store where somebody else appends to the stream just before each of our next `times` appends. */
const contested = (store: EventStore, times: number) => {
  let attempts = 0
  let left = times
  const wrapped: EventStore = {
    ...store,
    readStream: (id, options) => store.readStream(id, options),
    readAll: (options) => store.readAll(options),
    async append(id, events, options) {
      attempts++
      if (left-- > 0) await store.append(id, [newEvent({ type: 'TeamMemberAdded', data: { accountId, principalId: `rival-${attempts}` as never, role: 'sales', addedBy: dora } })], { expectedVersion: 'any' })
      return store.append(id, events, options)
    },
  }
  return { store: wrapped, attempts: () => attempts }
}

const versions = async (store: EventStore) => {
  const out: string[] = []
  for await (const e of store.readStream(stream)) out.push(`${e.metadata.streamVersion}:${e.type}`)
  return out
}

describe('account command handler: optimistic concurrency', () => {
  it('decides again on the new state after a competing append, and records after it', async () => {
    const base = await opened()
    const { store, attempts } = contested(base, 1)
    const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => epoch })
    const handled = await accounts.handle(addFelix, commandContext(hanna))
    expect(attempts()).toBe(2)
    expect(E.isRight(handled) && handled.right.events.map((e) => e.metadata.streamVersion)).toEqual([3n])
    expect(await versions(base)).toEqual(['0:AccountOpened', '1:OwnershipAssigned', '2:TeamMemberAdded', '3:TeamMemberAdded'])
  })

  it('refuses on the second decision when the competing append made the command invalid', async () => {
    const base = await opened()
    let raced = false
    const store: EventStore = {
      ...base,
      readStream: (id, o) => base.readStream(id, o),
      readAll: (o) => base.readAll(o),
      async append(id, events, options) {
        if (!raced) {
          raced = true
          await base.append(id, [felixJoined], { expectedVersion: 'any' })
        }
        return base.append(id, events, options)
      },
    }
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    expect(await accounts.handle(addFelix, commandContext(hanna))).toEqual(E.left(expect.objectContaining({ _tag: 'AlreadyTeamMemberError' })))
  })

  it('gives up after maxRetries further attempts with the ConcurrencyError', async () => {
    const { store, attempts } = contested(await opened(), Infinity)
    const accounts = accountCommandHandler({ store, policy: testPolicy, maxRetries: 2 })
    const handled = await accounts.handle(addFelix, commandContext(hanna))
    expect(handled).toEqual(E.left(expect.objectContaining({ _tag: 'ConcurrencyError', streamId: stream })))
    expect(attempts()).toBe(3)
  })

  it('tries four times by default', async () => {
    const { store, attempts } = contested(await opened(), Infinity)
    await accountCommandHandler({ store, policy: testPolicy }).handle(addFelix, commandContext(hanna))
    expect(attempts()).toBe(4)
  })
})

describe('account command handler: deduplication by commandId', () => {
  it('answers a repeated commandId with the events recorded the first time and appends nothing', async () => {
    const store = await opened()
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    const context = commandContext(hanna)
    const first = await accounts.handle(addFelix, context)
    const second = await accounts.handle(addFelix, context)
    expect(E.isRight(first) && first.right.deduplicated).toBe(false)
    expect(second).toEqual(E.right({ events: (first as E.Right<{ events: unknown }>).right.events, nextExpectedVersion: 2n, deduplicated: true }))
    expect(await store.headPosition()).toEqual(E.right(3n))
  })

  it('decides a new commandId afresh', async () => {
    const store = await opened()
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    await accounts.handle(addFelix, commandContext(hanna))
    expect(await accounts.handle(addFelix, commandContext(hanna))).toEqual(E.left(expect.objectContaining({ _tag: 'AlreadyTeamMemberError' })))
  })
})

describe('account command handler: time and metadata', () => {
  const grant = { type: 'GrantAccess', data: { accountId, grantId: 'grant-1', granteeId: sven, scope: 'read', purpose: 'customer-support', purposeNote: 'Ticket 4711', legalBasis: 'art6-1-b-contract', expiresAt: '2026-03-19T09:00:00.000Z' } } as const

  it("decides at the clock's now and records it as occurredAt, with the store's recordedAt beside it", async () => {
    const store = inMemoryEventStore({ clock: () => '2026-03-12T09:00:05.000Z' as never })
    await opened(store)
    const accounts = accountCommandHandler({ store, policy: testPolicy, clock: steppingClock(epoch) })
    const handled = await accounts.handle(grant, commandContext(hanna))
    const [event] = E.isRight(handled) ? handled.right.events : []
    expect(event?.data).toMatchObject({ validFrom: epoch })
    expect(event?.metadata).toMatchObject({ occurredAt: epoch, recordedAt: '2026-03-12T09:00:05.000Z' })
  })

  it("decides at the context's occurredAt when one is given (an import of history)", async () => {
    const store = await opened()
    const accounts = accountCommandHandler({ store, policy: testPolicy, clock: () => '2030-01-01T00:00:00.000Z' as never })
    const handled = await accounts.handle(grant, commandContext(hanna, { occurredAt: '2026-03-13T09:00:00.000Z' as never }))
    const [event] = E.isRight(handled) ? handled.right.events : []
    expect(event?.data).toMatchObject({ validFrom: '2026-03-13T09:00:00.000Z' })
    expect(event?.metadata.occurredAt).toBe('2026-03-13T09:00:00.000Z')
    const late = await accounts.handle({ ...grant, data: { ...grant.data, grantId: 'grant-2' } }, commandContext(hanna))
    expect(late).toEqual(E.left(expect.objectContaining({ _tag: 'ExpiryInPastError' })))
  })

  it('records actor, on whose behalf, tenant, correlation, causation and commandId', async () => {
    const store = await opened()
    const accounts = accountCommandHandler({ store, policy: testPolicy, newEventId: () => 'evt-fixed' })
    const handled = await accounts.handle(addFelix, { commandId: 'cmd-x', actor: dora, onBehalfOf: hanna, tenantId: tenant, causationId: 'evt-0' })
    expect(E.isRight(handled) && handled.right.events[0]?.metadata).toMatchObject({
      eventId: 'evt-fixed',
      actor: { principalId: dora, onBehalfOf: hanna },
      tenantId: tenant,
      correlationId: 'cmd-x',
      causationId: 'evt-0',
      commandId: 'cmd-x',
    })
  })

  it('records nothing for a decision without events', async () => {
    const store = await opened()
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    const handled = await accounts.handle({ type: 'HandOverAccount', data: { accountId, offboardedId: sven, successorId: null } }, commandContext(dora))
    expect(handled).toEqual(E.right({ events: [], nextExpectedVersion: 1n, deduplicated: false }))
    expect(await store.headPosition()).toEqual(E.right(2n))
  })
})

describe('account command handler: store errors come back as values', () => {
  const failing = (base: EventStore, how: 'read' | 'append-left' | 'append-throw'): EventStore => ({
    ...base,
    readAll: (o) => base.readAll(o),
    readStream: (id, o) =>
      how === 'read'
        ? {
            [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new StoreUnavailableError('connection reset', true)) }),
          }
        : base.readStream(id, o),
    append: async (id, events, options) => {
      if (how === 'append-left') return E.left(new StoreUnavailableError('disk full', false))
      if (how === 'append-throw') throw new StoreUnavailableError('connection reset', true)
      return base.append(id, events, options)
    },
  })

  it.each(['read', 'append-left', 'append-throw'] as const)('a StoreUnavailableError on %s is returned, not thrown', async (how) => {
    const store = failing(await opened(), how)
    const accounts = accountCommandHandler({ store, policy: testPolicy })
    expect(await accounts.handle(addFelix, commandContext(hanna))).toEqual(E.left(expect.objectContaining({ _tag: 'StoreUnavailableError' })))
  })

  it('a closed store answers with StoreUnavailableError', async () => {
    const store = await opened()
    await store.close()
    expect(await accountCommandHandler({ store, policy: testPolicy }).handle(addFelix, commandContext(hanna))).toEqual(
      E.left(expect.objectContaining({ _tag: 'StoreUnavailableError', retryable: false })),
    )
  })
})
