import { auditAcceptedEventFeatures } from './features/audit-accepted-events.js'
import { auditFeatures } from './features/audit-features.js'
import { sqliteAuditDialect } from './audit-dialect.js'

auditFeatures(sqliteAuditDialect())
auditAcceptedEventFeatures(sqliteAuditDialect(), { runs: 30 })
