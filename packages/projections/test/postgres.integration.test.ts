// Every feature suite on PostgreSQL at 127.0.0.1:5432, in a database of this run's own that is
// dropped afterwards. An unreachable server fails these tests with the reason; it never skips them.
import { afterAll } from 'vitest'
import { acceptedEventFeatures } from './features/accepted-events.js'
import { erasureFeatures } from './features/erasure.js'
import { invariantFeatures } from './features/invariants.js'
import { readByTypeFeatures } from './features/read-by-type.js'
import { readModelFeatures } from './features/read-models.js'
import { runtimeFeatures } from './features/runtime.js'
import { postgresTestDialect } from './support/test-dialect.js'

const dialect = postgresTestDialect()
afterAll(() => dialect.close())

runtimeFeatures(dialect)
readByTypeFeatures(dialect)
readModelFeatures(dialect)
erasureFeatures(dialect)
invariantFeatures(dialect, { runs: 20 })
acceptedEventFeatures(dialect, { runs: 15 })
