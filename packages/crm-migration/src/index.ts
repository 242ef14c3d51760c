/**
 * `@account-ownership/crm-migration` — ownership history from the CRM a company already runs
 * (Datenübernahme aus dem CRM): Salesforce's Account and AccountHistory exports, HubSpot's
 * companies with the owner's history, and a generic CSV, imported into the event log with their
 * original times as business time.
 *
 * @module
 */
export { migrate, MigrationOptionError, type MigrationError, type MigrationOptions, type MigrationProgress, type MigrationSource, type SourceFormat } from './migration.js'
export type { MigrationSummary } from './migration-summary.js'
export { crmSystems, sourceFiles, type CrmSystem } from './source-files.js'
export type { ProblemCode, RowPlace, RowProblem } from './row-problem.js'
export { crmInstant } from './crm-instant.js'
export { migratedReasonCode, queueOrphanReason } from './replay/account-plan.js'
export { ownershipCsvColumns } from './generic/ownership-csv.js'
export { salesforceAccountColumns } from './salesforce/salesforce-accounts.js'
export { salesforceHistoryColumns } from './salesforce/salesforce-history.js'
export { hubspotCompanyColumns } from './hubspot/hubspot-company-export.js'
export { canonicalSalesforceId, queuePrefix } from './salesforce/salesforce-ids.js'
