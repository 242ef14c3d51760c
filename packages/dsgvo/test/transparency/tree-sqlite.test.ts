import type { MerkleTables } from '@account-ownership/dsgvo'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { scratchDir } from '../scratch-dir.js'
import { treeFeatures } from './features/tree-features.js'

const scratch = scratchDir('tree-sqlite')
treeFeatures({ name: 'SQLite', open: async () => sqliteReadModels<MerkleTables>(scratch.file()) })
