// Your own adapter runs the same contract suite as every store of the library: a fresh store per
// test, appends, reads, concurrency, idempotency, bad input, round trips. Here the counting
// decorator over the in-memory store; for an adapter of your own backend, open and dispose it here.
import { inMemoryEventStore } from '@account-ownership/core'
import { eventStoreContract } from '@account-ownership/core/testing'
import { countingEventStore } from '../src/counting-event-store.js'

eventStoreContract('counting decorator over the in-memory store', { open: async () => countingEventStore(inMemoryEventStore()) })
