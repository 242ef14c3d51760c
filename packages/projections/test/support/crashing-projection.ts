// A projection that behaves like another one, except that it throws when it applies the event at
// one global position — the stand-in for a process killed in the middle of a batch.
import { domainEventCodecs, type DomainEventType } from '@account-ownership/core'
import type { Projection } from '@account-ownership/projections'

const everyType = domainEventCodecs.map((c) => c.name as DomainEventType)

export const crashingAt = <DB>(projection: Projection<DB>, position: bigint): Projection<DB> => ({
  ...projection,
  handles: everyType,
  async load(events, tx) {
    const handled = (event: { readonly type: string }) => (projection.handles as ReadonlyArray<string>).includes(event.type)
    const own = events.filter(handled)
    const inner = own.length > 0 ? await projection.load(own, tx) : { apply: () => undefined, save: async () => undefined }
    return {
      apply(event) {
        if (event.metadata.globalPosition === position) throw new Error(`crash at ${position}`)
        if (handled(event)) inner.apply(event)
      },
      save: () => inner.save(),
    }
  },
})
