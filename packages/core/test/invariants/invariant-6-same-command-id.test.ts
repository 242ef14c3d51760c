import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountCommandHandler, inMemoryEventStore, type CommandContextInput, type EventStore } from '@account-ownership/core'
import { commandSequenceArbitrary, steppingClock, tenant, type CommandSequence } from '@account-ownership/core/testing'

const head = async (store: EventStore) => {
  const h = await store.headPosition()
  if (E.isLeft(h)) throw h.left
  return h.right
}

/* Handle every step once, each with its own command id; `again` says which to send a second time at once. */
const handleAll = async (sequence: CommandSequence, again: ReadonlyArray<boolean>) => {
  const store = inMemoryEventStore({ clock: steppingClock() })
  let n = 0
  const accounts = accountCommandHandler({ store, policy: sequence.policy, newEventId: () => `evt-${++n}` })
  const sent = []
  for (const [i, step] of sequence.steps.entries()) {
    const context: CommandContextInput = { commandId: `cmd-${i}`, actor: step.actor, tenantId: tenant, occurredAt: step.at }
    const first = await accounts.handle(step.command, context)
    if (again[i] === true) {
      const position = await head(store)
      const second = await accounts.handle(step.command, context)
      expect(await head(store), `second ${step.command.type} appended`).toBe(position)
      expect(E.isRight(second) && E.isRight(first) ? second.right.events : second).toEqual(E.isRight(first) ? first.right.events : first)
    }
    sent.push({ step, context, first })
  }
  return { store, accounts, sent }
}

describe('invariant 6: the same commandId twice gives the same outcome and no second set of events', () => {
  it('invariant 6: a command sent twice in a row has the same outcome, and the second time appends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(commandSequenceArbitrary({ maxSteps: 25 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), async (sequence, again) => {
        await handleAll(sequence, again)
      }),
      { numRuns: 100 },
    )
  })

  it('invariant 6: a recorded command sent again any time later answers with the events it recorded, appending nothing', async () => {
    await fc.assert(
      fc.asyncProperty(commandSequenceArbitrary({ maxSteps: 25 }), fc.array(fc.nat(), { maxLength: 10 }), async (sequence, picks) => {
        const { store, accounts, sent } = await handleAll(sequence, [])
        const recorded = sent.filter(({ first }) => E.isRight(first) && first.right.events.length > 0)
        const position = await head(store)
        for (const pick of recorded.length === 0 ? [] : picks) {
          const { step, context, first } = recorded[pick % recorded.length]!
          const again = await accounts.handle(step.command, context)
          expect(again).toEqual(E.right({ ...(first as E.Right<{ events: unknown }>).right, deduplicated: true, nextExpectedVersion: expect.anything() }))
        }
        expect(await head(store)).toBe(position)
      }),
      { numRuns: 100 },
    )
  })
})
