import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { scratchDir } from '../scratch-dir.js'
import { oneDatabaseFeatures } from './features/one-database-features.js'

const scratch = scratchDir('one-database-sqlite')
oneDatabaseFeatures({ name: 'SQLite', open: async () => sqliteReadModels(scratch.file()) })
