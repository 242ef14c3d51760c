// A projection that behaves like another one, except that it throws at one global position —
// the stand-in for a process killed in the middle of a batch.
import { domainEventCodecs, type DomainEventType } from '@account-ownership/core'
import type { Projection } from '@account-ownership/projections'

const everyType = domainEventCodecs.map((c) => c.name as DomainEventType)

export const crashingAt = <DB>(projection: Projection<DB>, position: bigint): Projection<DB> => ({
  ...projection,
  handles: everyType,
  async apply(event, tx) {
    if (event.metadata.globalPosition === position) throw new Error(`crash at ${position}`)
    if ((projection.handles as ReadonlyArray<string>).includes(event.type)) await projection.apply(event as never, tx)
  },
})
