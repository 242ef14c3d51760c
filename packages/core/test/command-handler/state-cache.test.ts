import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  accountCommandHandler,
  accountStream,
  inMemoryEventStore,
  type CommandContextInput,
  type DomainError,
  type DomainEvent,
  type EventStore,
  type HandleError,
  type Handled,
  type RecordedEvent,
} from '@account-ownership/core'
import { account, cast, commandContext, commandSequenceArbitrary, epoch, steppingClock, tenant, testPolicy } from '@account-ownership/core/testing'

const accountId = account()
const stream = accountStream(accountId)
const { dora, hanna, felix } = cast
const open = { type: 'OpenAccount', data: { accountId, tenantId: tenant, displayName: 'ACME', tier: 'standard' } } as const
const assign = { type: 'AssignOwner', data: { accountId, ownerId: hanna } } as const
const addFelix = { type: 'AddTeamMember', data: { accountId, principalId: felix, role: 'sales' } } as const
const classify = (score: number) => ({ type: 'ClassifyAccount', data: { accountId, tier: 'standard', score, criteria: ['umsatz'] } }) as const
const archive = { type: 'ArchiveAccount', data: { accountId, reason: 'inactive' } } as const
const restore = { type: 'RestoreAccount', data: { accountId } } as const

/* The store, counting the reads of account streams (not the principal streams the offboarding lookup reads) and the appends tried. */
const counted = (store: EventStore = inMemoryEventStore()) => {
  const counts = { reads: 0, appends: 0 }
  const wrapped: EventStore = {
    ...store,
    readStream: (id, options) => {
      if (id.startsWith('account-')) counts.reads++
      return store.readStream(id, options)
    },
    readAll: (options) => store.readAll(options),
    append: (id, events, options) => {
      counts.appends++
      return store.append(id, events, options)
    },
  }
  return { store: wrapped, counts }
}

const handlerOn = (store: EventStore, more: { stateCache?: false | { maxStreams?: number }; maxRetries?: number } = {}) =>
  accountCommandHandler({ store, policy: testPolicy, clock: () => epoch, ...more })

const log = async (store: EventStore) => {
  const out: string[] = []
  for await (const e of store.readStream(stream)) out.push(`${e.metadata.streamVersion}:${e.type}`)
  return out
}

const ok = <A>(result: E.Either<unknown, A>): A => {
  if (E.isLeft(result)) throw new Error(`expected a recorded command, got ${JSON.stringify(result.left)}`)
  return result.right
}

describe('command handler: the cache of folded stream state', () => {
  it('decides a second command on a stream it knows without reading the stream again', async () => {
    const { store, counts } = counted()
    const accounts = handlerOn(store)
    ok(await accounts.handle(open, commandContext(dora)))
    const readsAfterOpen = counts.reads
    ok(await accounts.handle(assign, commandContext(dora)))
    ok(await accounts.handle(addFelix, commandContext(hanna)))
    expect(counts.reads).toBe(readsAfterOpen)
    expect(await log(store)).toEqual(['0:AccountOpened', '1:OwnershipAssigned', '2:TeamMemberAdded'])
  })

  it('with stateCache: false, reads the stream for every command', async () => {
    const { store, counts } = counted()
    const accounts = handlerOn(store, { stateCache: false })
    for (const command of [open, assign, classify(1)]) ok(await accounts.handle(command, commandContext(dora)))
    expect(counts.reads).toBe(3)
  })

  it('keeps at most maxStreams streams, dropping the one used least recently', async () => {
    const { store, counts } = counted()
    const accounts = handlerOn(store, { stateCache: { maxStreams: 1 } })
    const other = { ...open, data: { ...open.data, accountId: account('kunde-2') } }
    ok(await accounts.handle(open, commandContext(dora)))
    ok(await accounts.handle(other, commandContext(dora)))
    const before = counts.reads
    ok(await accounts.handle(assign, commandContext(dora)))
    expect(counts.reads).toBe(before + 1)
  })

  describe('given a handler that cached a stream, when another writer appends to it', () => {
    const setUp = async (maxRetries = 3) => {
      const { store, counts } = counted()
      const ours = handlerOn(store, { maxRetries })
      ok(await ours.handle(open, commandContext(dora)))
      ok(await ours.handle(assign, commandContext(dora)))
      const theirs = handlerOn(store)
      return { store, counts, ours, theirs }
    }

    it('then its next command meets the version check, reads only what followed, and is recorded after it — without spending a retry', async () => {
      const { store, counts, ours, theirs } = await setUp(0)
      ok(await theirs.handle(classify(7), commandContext(dora)))
      const appendsBefore = counts.appends
      const handled = ok(await ours.handle(addFelix, commandContext(hanna)))
      expect(counts.appends - appendsBefore).toBe(2)
      expect(handled.events.map((e) => e.metadata.streamVersion)).toEqual([3n])
      expect(await log(store)).toEqual(['0:AccountOpened', '1:OwnershipAssigned', '2:AccountClassified', '3:TeamMemberAdded'])
    })

    it('then a refusal on its cached state is given only after the stream was read: the account it saw archived was restored', async () => {
      const { store, ours, theirs } = await setUp()
      ok(await ours.handle(archive, commandContext(dora)))
      ok(await theirs.handle(restore, commandContext(dora)))
      const handled = await ours.handle(classify(3), commandContext(dora))
      expect(ok(handled).events.map((e) => e.type)).toEqual(['AccountClassified'])
      expect(await log(store)).toEqual(['0:AccountOpened', '1:OwnershipAssigned', '2:AccountArchived', '3:AccountRestored', '4:AccountClassified'])
    })

    it('then a command id the other writer recorded is answered as a repeat', async () => {
      const { store, ours, theirs } = await setUp()
      const context = commandContext(hanna)
      const first = ok(await theirs.handle(addFelix, context))
      const again = ok(await ours.handle(addFelix, context))
      expect(again).toEqual({ events: first.events, nextExpectedVersion: 2n, deduplicated: true })
      expect(await log(store)).toHaveLength(3)
    })
  })

  it('answers a command id it recorded itself as a repeat, with the events recorded then', async () => {
    const { store } = counted()
    const accounts = handlerOn(store)
    ok(await accounts.handle(open, commandContext(dora)))
    const context = commandContext(dora)
    const first = ok(await accounts.handle(assign, context))
    ok(await accounts.handle(classify(1), commandContext(dora)))
    expect(ok(await accounts.handle(assign, context))).toEqual({ events: first.events, nextExpectedVersion: 2n, deduplicated: true })
  })

  it.each<[string, unknown, string]>([
    ['true', true, 'stateCache'],
    ['a number', 100, 'stateCache'],
    ['no streams', { maxStreams: 0 }, 'stateCache.maxStreams'],
    ['a fractional count', { maxStreams: 1.5 }, 'stateCache.maxStreams'],
    ['a count as text', { maxStreams: '10' }, 'stateCache.maxStreams'],
  ])('refuses a stateCache of %s when the handler is built, naming the field', (_, stateCache, field) => {
    expect(() => handlerOn(inMemoryEventStore(), { stateCache: stateCache as never })).toThrow(expect.objectContaining({ _tag: 'InvalidHandlerConfigError', field }))
  })

  // What a command came to, without the ids and record times that differ between runs.
  const outcomeOf = (result: E.Either<HandleError<DomainError>, Handled<DomainEvent>>) =>
    E.isLeft(result)
      ? result.left._tag
      : { deduplicated: result.right.deduplicated, events: result.right.events.map((e: RecordedEvent) => [e.metadata.streamVersion, e.type, e.data, e.metadata.occurredAt]) }

  it('property: two handlers with caches, taking turns at random on one store, come to what one handler without a cache comes to', async () => {
    await fc.assert(
      fc.asyncProperty(
        commandSequenceArbitrary({ maxSteps: 20 }),
        fc.array(fc.record({ by: fc.constantFrom(0, 1), twice: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        async (sequence, turns) => {
          const shared = inMemoryEventStore({ clock: steppingClock() })
          const plain = inMemoryEventStore({ clock: steppingClock() })
          const cached = [0, 1].map(() => accountCommandHandler({ store: shared, policy: sequence.policy, maxRetries: 0 }))
          const reference = accountCommandHandler({ store: plain, policy: sequence.policy, stateCache: false })
          for (const [i, step] of sequence.steps.entries()) {
            const context: CommandContextInput = { commandId: `cmd-${i}`, actor: step.actor, tenantId: tenant, occurredAt: step.at }
            const { by, twice } = turns[i % turns.length]!
            const sends = twice ? [by, 1 - by] : [by]
            for (const handler of sends) {
              const expected = outcomeOf(await reference.handle(step.command, context))
              expect(outcomeOf(await cached[handler]!.handle(step.command, context)), `step ${i}: ${step.command.type}`).toEqual(expected)
            }
          }
          expect(await log(shared)).toEqual(await log(plain))
        },
      ),
      { numRuns: 100 },
    )
  })
})
