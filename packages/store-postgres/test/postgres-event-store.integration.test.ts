import { eventStoreContract } from '@account-ownership/core/testing'
import { describe, it } from 'vitest'
import { postgresDatabase } from './postgres-database.js'

const database = await postgresDatabase('contract')
let schemas = 0

if (database.skip === undefined) {
  // A schema of its own per test: the contract wants a fresh, empty store each time.
  eventStoreContract('postgres', { open: () => database.store({ schema: `contract_${++schemas}` }) })
} else {
  describe.skip(`event store contract: postgres — ${database.skip}`, () => it('needs a server', () => undefined))
}
