import { eventStoreContract } from '@account-ownership/core/testing'
import { closeStoreOnDouble, storeOnDouble } from './double/double-store.js'

// The core contract, through the real client and real gRPC, against the test double of an
// EventStoreDB node (see double/esdb-double.ts). This is the run CI makes. Positions are the
// server's log offsets (doubled), and the server keeps no index by event id.
eventStoreContract('eventstoredb (gRPC test double)', {
  open: async () => (await storeOnDouble()).store,
  dispose: closeStoreOnDouble,
  contiguousPositions: false,
  eventIdScope: 'stream',
})
