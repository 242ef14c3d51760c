import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { eventStoreContract } from '@account-ownership/core/testing'
import * as E from 'fp-ts/lib/Either.js'
import { scratchDir } from './scratch-dir.js'

const scratch = scratchDir('contract')

eventStoreContract('sqlite', {
  open: async () => {
    const opened = openSqliteEventStore({ path: scratch.file() })
    if (E.isLeft(opened)) throw opened.left
    return opened.right
  },
})
