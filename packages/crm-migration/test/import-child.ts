// The import as a child process of the resumability test: imports a Salesforce export into a
// SQLite log and prints each account it has recorded, so that the test can kill it half-way.
import { migrate } from '@account-ownership/crm-migration'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import * as E from 'fp-ts/lib/Either.js'

const [log, accounts, history] = process.argv.slice(2) as [string, string, string]
const store = openSqliteEventStore({ path: log })
if (E.isLeft(store)) throw store.left
const done = await migrate(
  [
    { format: 'salesforce-accounts', path: accounts },
    { format: 'salesforce-history', path: history },
  ],
  { store: store.right, tenantId: 't1', importedBy: 'migration', onProgress: (p) => void (p.phase === 'record' && process.stdout.write(`${p.done}\n`)) },
)
await store.right.close()
process.stdout.write(E.isRight(done) ? 'done\n' : `failed: ${done.left.message}\n`)
