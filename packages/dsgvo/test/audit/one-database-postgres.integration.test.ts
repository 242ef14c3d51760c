import { postgresReadModels } from '@account-ownership/projections/postgres'
import { postgresDatabase } from '../postgres-database.js'
import { oneDatabaseFeatures } from './features/one-database-features.js'

const server = await postgresDatabase('one_database')
oneDatabaseFeatures(
  server.skip === undefined
    ? { name: 'PostgreSQL', open: async () => postgresReadModels(server.pool()) }
    : { name: 'PostgreSQL', skip: server.skip, open: () => Promise.reject(new Error(server.skip)) },
)
