/**
 * Bad input at a read-model query, told by field: a non-ISO `at`, an empty account id.
 *
 * @module
 */

/**
 * A query argument failed its codec.
 * @category errors
 * @since 0.1.0
 */
export interface InvalidQueryError {
  readonly _tag: 'InvalidQueryError'
  /** The argument to blame, e.g. `at` or `accountId`. */
  readonly field: string
  readonly message: string
}

/**
 * An `InvalidQueryError` for `field`.
 * @category errors
 * @since 0.1.0
 */
export const invalidQuery = (field: string, message: string): InvalidQueryError => ({ _tag: 'InvalidQueryError', field, message: `${field}: ${message}` })
