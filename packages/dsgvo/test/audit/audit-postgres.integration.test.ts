import { auditFeatures } from './features/audit-features.js'
import { postgresAuditDialect } from './audit-dialect.js'

auditFeatures(await postgresAuditDialect())
