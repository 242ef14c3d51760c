import { inMemoryEventStore } from '@account-ownership/core'
import { eventStoreContract } from '@account-ownership/core/testing'

eventStoreContract('in-memory', { open: async () => inMemoryEventStore() })
