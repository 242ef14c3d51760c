/**
 * This library as a system of the comparison, on any of its event stores: commands through
 * core's `accountCommandHandler`, batches through `append`, reads through `readStream` folded
 * with the decider, and the check's listing through `readAll`.
 *
 * @module
 */
import { accountCommandHandler, type EventStore, type StreamId } from '@account-ownership/core'
import { factKey, foldAccount, handlerPolicy, newEventOf, type Contender } from './contender.js'

/** The right side of an Either, or its left thrown: the benchmark stops at the first failure. */
export const unwrap = <A>(either: { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: A }): A => {
  if (either._tag === 'Left') throw either.left instanceof Error ? either.left : new Error(JSON.stringify(either.left))
  return either.right
}

/** This library on `store`, which the contender closes. */
export const libraryContender = (store: EventStore): Contender => {
  const handler = accountCommandHandler({ store, policy: handlerPolicy })
  return {
    name: 'this library',
    async classify(account, score, commandId) {
      unwrap(await handler.handle({ type: 'ClassifyAccount', data: { accountId: `kunde-${account}`, tier: 'standard', score, criteria: ['umsatz'] } }, { commandId, actor: 'dora', tenantId: 'acme-de' }))
    },
    async appendBatch(stream, facts) {
      unwrap(await store.append(stream as StreamId, facts.map(newEventOf), { expectedVersion: 'no-stream' }))
    },
    async readAndFold(stream) {
      const events = []
      for await (const event of store.readStream(stream as StreamId)) events.push(event)
      foldAccount(events)
      return events.length
    },
    async stored() {
      const keys: string[] = []
      for await (const e of store.readAll({ batchSize: 1000 })) keys.push(factKey(e.metadata.streamId, e.metadata as unknown as Record<string, unknown>, e.data as Record<string, unknown>))
      return keys
    },
    close: () => store.close(),
  }
}
