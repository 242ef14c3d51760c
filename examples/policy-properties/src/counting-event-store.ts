// Your own store adapter — here a small one: a decorator of any event store that counts the
// events appended per stream family (account, principal, subject), e.g. for metrics. Whatever an
// adapter does, it must keep the port's contract; the test kit's contract suite checks that.
import * as E from 'fp-ts/lib/Either.js'
import { streamFamily, type EventStore } from '@account-ownership/core'

/** An event store that also tells how many events it appended, per stream family. */
export interface CountingEventStore extends EventStore {
  readonly appended: () => ReadonlyMap<string, number>
}

/** Wraps `inner`; everything but the counting is `inner`'s own behaviour. */
export const countingEventStore = (inner: EventStore): CountingEventStore => {
  // Event ids seen per family: a repeated append (same events again) answers as the first did
  // and must not be counted twice.
  const seen = new Map<string, Set<string>>()
  return {
    ...inner,
    async append(streamId, events, options) {
      const result = await inner.append(streamId, events, options)
      if (E.isRight(result)) {
        const family = streamFamily(streamId)
        const ids = seen.get(family) ?? new Set<string>()
        for (const event of result.right.events) ids.add(event.metadata.eventId)
        seen.set(family, ids)
      }
      return result
    },
    appended: () => new Map([...seen].map(([family, ids]) => [family, ids.size])),
  }
}
