import { postgresAuditDialect } from '../audit/audit-dialect.js'
import { auditRebuildFeatures, soleTraderRetentionFeatures } from './features/sole-trader-retention.js'

// A database each: opening a dialect's database empties it.
soleTraderRetentionFeatures(await postgresAuditDialect())
auditRebuildFeatures(await postgresAuditDialect())
