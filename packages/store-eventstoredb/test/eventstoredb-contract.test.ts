import { accountStream } from '@account-ownership/core'
import { account, newEvent, openedAccountEvents } from '@account-ownership/core/testing'
import { eventStoreContract } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { closeStoreOnDouble, rivalOn, storeOnDouble } from './double/double-store.js'

// The core contract, through the real client and real gRPC, against the test double of an
// EventStoreDB node (see double/esdb-double.ts) that offers BatchAppend, as 21.10 and newer do.
// This is the run CI makes. Positions are the
// server's log offsets (doubled), and the server keeps no index by event id.
eventStoreContract('eventstoredb (gRPC test double)', {
  open: async () => (await storeOnDouble()).store,
  dispose: closeStoreOnDouble,
  contiguousPositions: false,
  eventIdScope: 'stream',
})

// Again in a namespace, on a node whose log already holds another log of the library (the same
// stream names, no namespace) and another application's streams: the way the contract runs on
// a real server, where every test gets a namespace of its own. This node is one without
// BatchAppend, so the client appends by Streams.Append.
eventStoreContract('eventstoredb (gRPC test double without BatchAppend, namespaced beside another log)', {
  open: async () => {
    const { store, double } = await storeOnDouble({ namespace: 't1.' }, { batchAppend: false })
    const neighbour = rivalOn(double)
    const events = openedAccountEvents(account('kunde-1')).map((e, i) => newEvent(e, { eventId: `n-${i}` }))
    const seeded = await neighbour.append(accountStream(account('kunde-1')), events, { expectedVersion: 'no-stream' })
    if (E.isLeft(seeded)) throw seeded.left
    await neighbour.close()
    double.write('account-ledger', 2)
    return store
  },
  dispose: closeStoreOnDouble,
  contiguousPositions: false,
  eventIdScope: 'stream',
})
