/**
 * What an import did, counted: rows read, left out and at fault (by problem code), accounts
 * recorded, resumed, found imported already or left alone, and events written — or, in a dry
 * run, the events that would have been written.
 *
 * @module
 */
import type { ProblemCode } from './row-problem.js'

/**
 * The counts of one import.
 * @category migration
 * @since 0.3.0
 */
export interface MigrationSummary {
  readonly dryRun: boolean
  /** Records read from every file (accounts and history rows), bad ones included. */
  readonly rowsRead: number
  /** Rows left out on purpose, by why (deleted rows, other fields' history, Salesforce's rows of names paired with their row of ids). */
  readonly ignored: Readonly<Record<string, number>>
  /** Problems by code; each problem was reported with its file, line and field. */
  readonly problems: Readonly<Partial<Record<ProblemCode, number>>>
  readonly accounts: {
    /** Accounts whose history was written now (in a dry run: would be). */
    readonly recorded: number
    /** Of those, accounts an earlier, interrupted run had begun. */
    readonly resumed: number
    /** Accounts whose whole history an earlier run wrote. */
    readonly alreadyImported: number
    /** Accounts left alone: in the log already, or with nothing to record. */
    readonly skipped: number
  }
  /** Events appended (in a dry run: that would be appended). */
  readonly events: number
  /** Owner changes that change nothing (the same owner again). */
  readonly unchanged: number
}
