// Every feature suite on SQLite, in real files in a temporary directory.
import { afterAll } from 'vitest'
import { acceptedEventFeatures } from './features/accepted-events.js'
import { erasureFeatures } from './features/erasure.js'
import { invariantFeatures } from './features/invariants.js'
import { readByTypeFeatures } from './features/read-by-type.js'
import { readModelFeatures } from './features/read-models.js'
import { runtimeFeatures } from './features/runtime.js'
import { sqliteTestDialect } from './support/test-dialect.js'

const dialect = sqliteTestDialect()
afterAll(() => dialect.close())

runtimeFeatures(dialect)
readByTypeFeatures(dialect)
readModelFeatures(dialect)
erasureFeatures(dialect)
invariantFeatures(dialect, { runs: 60 })
acceptedEventFeatures(dialect, { runs: 40 })
