import { auditAcceptedEventFeatures } from './features/audit-accepted-events.js'
import { auditFeatures } from './features/audit-features.js'
import { postgresAuditDialect } from './audit-dialect.js'

auditFeatures(await postgresAuditDialect())
auditAcceptedEventFeatures(await postgresAuditDialect(), { runs: 8 })
