import { sqliteAuditDialect } from '../audit/audit-dialect.js'
import { auditRebuildFeatures, soleTraderRetentionFeatures } from './features/sole-trader-retention.js'

soleTraderRetentionFeatures(sqliteAuditDialect())
auditRebuildFeatures(sqliteAuditDialect())
