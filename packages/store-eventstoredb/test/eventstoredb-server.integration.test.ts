import { eventStoreContract } from '@account-ownership/core/testing'
import { openEventStoreDbEventStore } from '@account-ownership/store-eventstoredb'
import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { describe, it } from 'vitest'

// The core contract against a real EventStoreDB/KurrentDB node named by EVENTSTOREDB_URL, e.g.
//   docker run -p 2113:2113 eventstore/eventstore:24.10 --insecure --run-projections=All
//   EVENTSTOREDB_URL='esdb://127.0.0.1:2113?tls=false' pnpm test
const url = process.env.EVENTSTOREDB_URL

if (url === undefined || url === '') {
  describe('event store contract: eventstoredb (real server)', () => {
    it.skip('skipped: EVENTSTOREDB_URL is not set — start a server (see the package README) and set it to run the contract against it', () => {})
  })
} else {
  eventStoreContract(`eventstoredb (real server at ${url.replace(/\/\/[^@/]*@/, '//***@')})`, {
    open: async () => {
      // The server keeps its log across tests: each test gets a namespace of its own, an empty log.
      const opened = openEventStoreDbEventStore({ connectionString: url, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}.` })
      if (E.isLeft(opened)) throw opened.left
      return opened.right
    },
    contiguousPositions: false,
    eventIdScope: 'stream',
  })
}
