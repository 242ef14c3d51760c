/**
 * A problem of one row of a CRM export (Fehlerzeile): the file, the line the row starts on, the
 * field at fault and what is wrong, with a code that the summary counts by. The value itself is
 * never repeated — it may be a person's name.
 *
 * @module
 */

/**
 * What kind of problem a row has; the summary counts problems by this code.
 * @category migration
 * @since 0.3.0
 */
export type ProblemCode =
  /** The file cannot be read as CSV or JSON, or a record breaks the format (an unclosed quote, too many fields). */
  | 'malformed'
  /** Bytes that are not UTF-8 (an export in Windows-1252 or UTF-16). */
  | 'encoding'
  /** A required column or value is missing. */
  | 'missing'
  /** A date or time that cannot be read, or has no time zone. */
  | 'unparseable-date'
  /** An id that is not one (the library's ids are letters, digits, `.`, `_`, `:`, `-`). */
  | 'invalid-id'
  /** A value outside what the field takes (a reason that is no reason code). */
  | 'invalid-value'
  /** A history row of an account the account file does not list. */
  | 'unknown-account'
  /**
   * The same row id twice in one account's history (or an account listed twice in one file), or a
   * row id the log holds for another row already.
   */
  | 'duplicate-id'
  /** An owner change whose old value is not the owner at that time. */
  | 'old-value-mismatch'
  /** One of Salesforce's two rows of an owner change without the other. */
  | 'unpaired-row'
  /** The history ends with another owner than the account file names as current. */
  | 'current-owner-disagrees'
  /** The account has events in the log that this import did not write, dated after its history begins. */
  | 'later-events'
  /** The domain refuses the change (e.g. dated before the account was opened). */
  | 'refused'

/**
 * One problem, with where it is.
 * @category migration
 * @since 0.3.0
 */
export interface RowProblem {
  readonly code: ProblemCode
  readonly file: string
  /** The line the row starts on (1 is the header of a CSV file); 0 for the file as a whole. */
  readonly line: number
  readonly field: string
  readonly message: string
}

/**
 * Where a row came from.
 * @category migration
 * @since 0.3.0
 */
export interface RowPlace {
  readonly file: string
  readonly line: number
}

/**
 * The problem `code` of `field` in the row at `place`.
 * @category migration
 * @since 0.3.0
 */
export const rowProblem = (code: ProblemCode, place: RowPlace, field: string, message: string): RowProblem => ({ code, file: place.file, line: place.line, field, message })
