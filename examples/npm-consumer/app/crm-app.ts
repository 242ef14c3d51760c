// A CRM migration, as an npm user runs it: a HubSpot company with its owner's history, as the CRM
// API answers it (JSON, read as a stream), imported into a new SQLite log in the folder named
// first on the command line; prints the account's events and what the import counted.
import { accountStream, type AccountId } from '@account-ownership/core'
import { migrate, sourceFiles } from '@account-ownership/crm-migration'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? '.'
const companies = join(dir, 'companies.json')
writeFileSync(
  companies,
  JSON.stringify({
    results: [
      {
        id: '5101',
        properties: { name: 'Nordlicht Logistik GmbH', hubspot_owner_id: '71234', createdate: '2020-04-01T08:00:00.000Z' },
        propertiesWithHistory: {
          hubspot_owner_id: [
            { value: '71234', timestamp: '2022-01-10T09:00:00.000Z', sourceType: 'CRM_UI', updatedByUserId: 901 },
            { value: '65432', timestamp: '2020-04-01T08:00:05.000Z', sourceType: 'IMPORT', updatedByUserId: 902 },
          ],
        },
      },
    ],
  }),
)
const opened = openSqliteEventStore({ path: join(dir, 'crm.db') })
if (opened._tag === 'Left') throw new Error(opened.left.message)
const store = opened.right
try {
  const sources = sourceFiles('hubspot', [companies])
  if (sources._tag === 'Left') throw new Error(sources.left.message)
  const done = await migrate(sources.right, { store, tenantId: 'nord', importedBy: 'migration' })
  if (done._tag === 'Left') throw new Error(done.left.message)
  const types: string[] = []
  for await (const event of store.readStream(accountStream('5101' as AccountId))) types.push(event.type)
  console.log(JSON.stringify({ types, accounts: done.right.accounts }))
} finally {
  await store.close()
}
