import type { MerkleTables } from '@account-ownership/dsgvo'
import { postgresReadModels } from '@account-ownership/projections/postgres'
import { postgresDatabase } from '../postgres-database.js'
import { treeFeatures } from './features/tree-features.js'

const server = await postgresDatabase('tree')
treeFeatures({
  name: 'PostgreSQL',
  ...(server.skip === undefined ? {} : { skip: server.skip }),
  open: async () => {
    const db = postgresReadModels<MerkleTables>(server.pool())
    for (const table of ['merkle_nodes', 'tree_heads']) await db.schema.dropTable(table).ifExists().execute()
    return db
  },
})
