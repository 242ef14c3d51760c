import { accountCommandHandler, inMemoryEventStore, type AccountCommandInput, type EventStore, type Instant } from '@account-ownership/core'
import { commandSequenceArbitrary, tenant, type CommandSequence } from '@account-ownership/core/testing'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { expect, it } from 'vitest'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'

// The command handler on EventStoreDB decides as it does on the in-memory store: for generated
// command sequences (accepted and refused commands of every kind), the same answers step by step
// and the same log, through the real client against the gRPC double.
const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

const handleAll = async (store: EventStore, sequence: CommandSequence) => {
  let now = sequence.steps[0]?.at ?? ('2026-01-01T00:00:00.000Z' as Instant)
  let ids = 0
  const accounts = accountCommandHandler({ store, policy: sequence.policy, clock: () => now, newEventId: () => `ev-${ids++}` })
  const answers: unknown[] = []
  for (const [i, step] of sequence.steps.entries()) {
    now = step.at
    const handled = await accounts.handle(step.command as unknown as AccountCommandInput, { commandId: `cmd-${i}`, actor: step.actor, tenantId: tenant })
    answers.push(E.isRight(handled) ? handled.right.events.map((e) => [e.type, e.metadata.eventId, e.metadata.streamVersion]) : handled.left._tag)
  }
  // A repeated command is answered from the log, not decided again (invariant 6).
  const last = sequence.steps.length - 1
  if (last >= 0) {
    const again = await accounts.handle(sequence.steps[last]!.command as unknown as AccountCommandInput, { commandId: `cmd-${last}`, actor: sequence.steps[last]!.actor, tenantId: tenant })
    answers.push(E.isRight(again) ? again.right.deduplicated : again.left._tag)
  }
  const log = (await collect(store.readAll({ verifyHashes: true }))).map((e) => [e.metadata.streamId, e.metadata.streamVersion, e.type, e.data, e.metadata.eventId, e.metadata.occurredAt])
  return { answers, log }
}

it('decides generated command sequences as on the in-memory store, step by step, and records the same log', async () => {
  await fc.assert(
    fc.asyncProperty(commandSequenceArbitrary({ maxSteps: 30 }), async (sequence) => {
      const { store } = await storeOnDouble()
      try {
        expect(await handleAll(store, sequence)).toEqual(await handleAll(inMemoryEventStore(), sequence))
      } finally {
        await closeStoreOnDouble(store)
      }
    }),
    { numRuns: 8 },
  )
})
