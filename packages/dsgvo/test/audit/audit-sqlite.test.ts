import { auditFeatures } from './features/audit-features.js'
import { sqliteAuditDialect } from './audit-dialect.js'

auditFeatures(sqliteAuditDialect())
