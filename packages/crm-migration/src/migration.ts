/**
 * A CRM migration (Datenübernahme) as one call: read every export file (streamed, into a staging
 * area on disk), replay each account's history in business-time order, and record it in the log
 * — or, in a dry run, decide it only and say what would be written. Every bad row is reported
 * with its file, line and field and left out; the valid rows are imported. Running the same
 * files again adds nothing; a run killed half-way, run again, ends in the same state.
 *
 * @module
 */
import { PrincipalId, TenantId, Tier, type EventStore, type StoreError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ReadObserver } from './csv-records.js'
import { ownershipCsv } from './generic/ownership-csv.js'
import { hubspotCompanies } from './hubspot/hubspot-companies.js'
import { hubspotCompanyExport } from './hubspot/hubspot-company-export.js'
import type { MigrationSummary } from './migration-summary.js'
import type { SourceItem } from './owner-change.js'
import { recordAccounts, type RecordedAccounts } from './replay/record-accounts.js'
import type { ProblemCode, RowProblem } from './row-problem.js'
import { salesforceAccounts } from './salesforce/salesforce-accounts.js'
import { salesforceHistory } from './salesforce/salesforce-history.js'
import { openStagingArea, type StagingArea } from './staging/staging-area.js'

/**
 * The kinds of export file an import reads.
 * @category migration
 * @since 0.3.0
 */
export type SourceFormat = 'salesforce-accounts' | 'salesforce-history' | 'hubspot-companies' | 'hubspot-company-export' | 'ownership-csv'

/**
 * One export file.
 * @category migration
 * @since 0.3.0
 */
export interface MigrationSource {
  /** Which reader the file needs. */
  readonly format: SourceFormat
  /** Where the file is. */
  readonly path: string
  /** How problems name the file; its base name by default. */
  readonly name?: string
}

/**
 * How far an import is: reading files (bytes of all files), then recording accounts.
 * @category migration
 * @since 0.3.0
 */
export type MigrationProgress = { readonly phase: 'read'; readonly done: number; readonly total: number } | { readonly phase: 'record'; readonly done: number; readonly total: number }

/**
 * What an import needs besides its files.
 * @category migration
 * @since 0.3.0
 */
export interface MigrationOptions {
  /** The log to import into. */
  readonly store: EventStore
  /** The tenant of every imported account. */
  readonly tenantId: string
  /** Who imports: the actor of every imported event (acting on behalf of the CRM user who made the change). */
  readonly importedBy: string
  /** The tier every imported account opens with; `standard` by default. */
  readonly tier?: string
  /** Decide everything, write nothing. */
  readonly dryRun?: boolean
  /** Each problem, as it is found. */
  readonly onProblem?: (problem: RowProblem) => void
  /** How far the import is: bytes read, then accounts recorded. */
  readonly onProgress?: (progress: MigrationProgress) => void
  /** Where the staging area goes; the system's temp directory by default. */
  readonly stagingDir?: string
}

/**
 * Options an import cannot start with; names the option.
 * @category errors
 * @since 0.3.0
 */
export class MigrationOptionError extends Error {
  readonly _tag = 'MigrationOptionError'
  constructor(
    readonly field: string,
    /** What is wrong with it, without the field's name. */
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`)
    this.name = 'MigrationOptionError'
  }
}

/**
 * Why an import stopped: bad options, or the store failed (what was recorded before stays, and a
 * new run goes on from there).
 * @category errors
 * @since 0.3.0
 */
export type MigrationError = MigrationOptionError | StoreError

const readers: Readonly<Record<SourceFormat, (path: string, file: string, observer: ReadObserver) => AsyncGenerator<SourceItem>>> = {
  'salesforce-accounts': salesforceAccounts,
  'salesforce-history': salesforceHistory,
  'hubspot-companies': hubspotCompanies,
  'hubspot-company-export': hubspotCompanyExport,
  'ownership-csv': ownershipCsv,
}

const checkOptions = (sources: ReadonlyArray<MigrationSource>, options: MigrationOptions): E.Either<MigrationOptionError, Tier> => {
  if (!Array.isArray(sources) || sources.length === 0) return E.left(new MigrationOptionError('sources', 'name at least one export file'))
  const unknown = sources.find((s) => !(s?.format in readers))
  if (unknown !== undefined) return E.left(new MigrationOptionError('sources.format', `expected one of ${Object.keys(readers).join(', ')}`))
  if (!TenantId.is(options.tenantId)) return E.left(new MigrationOptionError('tenantId', 'is not a tenant id (letters, digits, ".", "_", ":", "-")'))
  if (!PrincipalId.is(options.importedBy)) return E.left(new MigrationOptionError('importedBy', 'is not a principal id (letters, digits, ".", "_", ":", "-")'))
  const tier = options.tier ?? 'standard'
  return Tier.is(tier) ? E.right(tier) : E.left(new MigrationOptionError('tier', 'expected key, high-value or standard'))
}

/* Bytes of every file, for the progress of reading; a file that cannot be read counts none and is reported by its reader. */
const sizeOf = (path: string): number => {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/* Every file read into the staging area; answers the rows read and Salesforce's rows of names among them. */
const stage = async (
  sources: ReadonlyArray<MigrationSource>,
  staging: StagingArea,
  observer: Pick<ReadObserver, 'problem' | 'ignored'> & { readonly progress?: (p: MigrationProgress) => void },
): Promise<{ rows: number; namesRows: number }> => {
  const total = sources.reduce((n, s) => n + sizeOf(s.path), 0)
  let bytes = 0
  let rows = 0
  let namesRows = 0
  const counting: ReadObserver = { ...observer, rowRead: () => void rows++, bytesRead: (n) => observer.progress?.({ phase: 'read', done: (bytes += n), total }) }
  for (const source of sources) {
    for await (const item of readers[source.format](source.path, source.name ?? basename(source.path), counting)) {
      if (item._tag === 'names-row') namesRows++
      staging.add(item, observer.problem)
    }
  }
  staging.seal()
  return { rows, namesRows }
}

/**
 * Import the ownership history in `sources` into `options.store`.
 * @category migration
 * @since 0.3.0
 * @example
 * const summary = await migrate(
 *   [{ format: 'salesforce-accounts', path: 'Account.csv' }, { format: 'salesforce-history', path: 'AccountHistory.csv' }],
 *   { store, tenantId: 'acme-de', importedBy: 'migration' },
 * )
 */
export const migrate = async (sources: ReadonlyArray<MigrationSource>, options: MigrationOptions): Promise<E.Either<MigrationError, MigrationSummary>> => {
  const tier = checkOptions(sources, options)
  if (E.isLeft(tier)) return tier
  const problems: Partial<Record<ProblemCode, number>> = {}
  const ignored: Record<string, number> = {}
  const problem = (p: RowProblem): void => {
    problems[p.code] = (problems[p.code] ?? 0) + 1
    options.onProblem?.(p)
  }
  const ignore = (why: string): void => {
    ignored[why] = (ignored[why] ?? 0) + 1
  }
  const staging = openStagingArea(options.stagingDir)
  try {
    const rowsRead = await stage(sources, staging, { problem, ignored: ignore, ...(options.onProgress === undefined ? {} : { progress: options.onProgress }) })
    const unpaired = [...staging.unpairedNameRows()]
    for (const place of unpaired) problem({ code: 'unpaired-row', ...place, field: 'DataType', message: "is Text (the users' names) but no row of ids (EntityId) pairs with it; the change cannot be imported" })
    if (rowsRead.namesRows > unpaired.length) ignored['owner change row of names (DataType Text), paired with its row of ids'] = rowsRead.namesRows - unpaired.length
    const recorded = await recordAccounts(staging, options.store, {
      plan: { tenantId: options.tenantId, tier: tier.right, accountsListed: staging.accountsListed() },
      record: { importedBy: options.importedBy, tenantId: options.tenantId, dryRun: options.dryRun === true },
      problem,
      ...(options.onProgress === undefined ? {} : { progress: options.onProgress }),
    })
    return E.map((r: RecordedAccounts) => ({ dryRun: options.dryRun === true, rowsRead: rowsRead.rows, ignored, problems, ...r }))(recorded)
  } finally {
    staging.close()
  }
}
