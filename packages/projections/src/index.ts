/**
 * @account-ownership/projections — checkpointed, exactly-once read models (Lesemodelle) of the
 * account-ownership log with Kysely, on SQLite and PostgreSQL: current owner and book of
 * business (Kundenverantwortung), ownership history, access (Zugriffsberechtigung) at any point
 * in time, and KPIs (Kennzahlen). This entry point loads no database driver: the dialects are
 * `@account-ownership/projections/sqlite` (better-sqlite3) and `/postgres` (pg).
 *
 * @module
 */
export { defineProjection, type BatchFold, type Projection, type RecordedOf } from './runtime/projection.js'
export { loadBatchRows, type BatchRow, type BatchRows, type BatchTable } from './runtime/batch-rows.js'
export { insertRows, upsertRows } from './runtime/row-writes.js'
export { projectionRuntime, type ProjectionRuntime, type ProjectionRuntimeConfig, type RunOutcome } from './runtime/projection-runtime.js'
export { progressOf, type Progress, type Stopwatch } from './runtime/progress.js'
export { CheckpointMovedError, ProjectionFailedError, type ProjectionError } from './runtime/projection-errors.js'
export { createCheckpointTable, positionOf, type CheckpointTable, type CheckpointTables, type PositionColumn } from './runtime/checkpoint.table.js'

export type { ReadModels } from './database.js'
export { readModelProjections } from './read-model-projections.js'
export { invalidQuery, type InvalidQueryError } from './query/invalid-query-error.js'
export { accountIdArgument, instantArgument, principalIdArgument } from './query/query-input.js'
export { precompiled, type QueryOf } from './query/precompiled-query.js'

export { createCurrentOwnerTable, type CurrentOwnerTable } from './current-owner/current-owner.table.js'
export { currentOwnerProjection } from './current-owner/current-owner.projection.js'
export { archivedAccounts, bookOfBusiness, currentOwner, orphanedAccounts, type AccountStanding } from './current-owner/current-owner.queries.js'

export { createOwnershipHistoryTable, type OwnershipPeriodTable } from './ownership-history/ownership-history.table.js'
export { ownershipHistoryProjection } from './ownership-history/ownership-history.projection.js'
export { ownerAt, ownershipHistory, type OwnershipPeriod } from './ownership-history/ownership-history.queries.js'

export { createAccessTables, type AccessGrantTable, type ArchivePeriodTable, type TeamPeriodTable } from './access/access.table.js'
export { accessProjection } from './access/access.projection.js'
export { accessAt, accessGrantOf, archiveAt, grantsDueForReview, grantsOf, grantsWithoutExpiry, type AccessGrant, type AccessReason } from './access/access.queries.js'

export { createKpiTables, type OrphanSpellTable, type TransferRequestTable } from './kpis/kpi.table.js'
export { kpiProjection } from './kpis/kpi.projection.js'
export { accountsPerOwner, timeOrphaned, transferDecisionTimes, transfersPerPeriod, type PeriodUnit, type Window } from './kpis/kpi.queries.js'
