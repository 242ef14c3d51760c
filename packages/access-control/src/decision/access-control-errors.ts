/**
 * Why an access request could not be decided at all — as opposed to a denial, which is an
 * answer: the request was malformed, or it names an account or a principal the read models have
 * never seen. Each error names the field to blame.
 *
 * @module
 */

/**
 * A field of the request failed its codec: an id that is no id, a time that is not ISO 8601,
 * an action that is neither `read` nor `write`.
 * @category errors
 * @since 0.3.0
 */
export interface InvalidAccessRequestError {
  readonly _tag: 'InvalidAccessRequestError'
  /** The field to blame, e.g. `at` or `action`. */
  readonly field: string
  readonly message: string
}

/**
 * The account was never opened, as far as the read models know.
 * @category errors
 * @since 0.3.0
 */
export interface UnknownAccountError {
  readonly _tag: 'UnknownAccountError'
  readonly field: 'accountId'
  readonly accountId: string
  readonly message: string
}

/**
 * The principal appears nowhere in the read models (never owned, sat on a team, held or gave a
 * grant, nor was offboarded) and the directory given does not know them either.
 * @category errors
 * @since 0.3.0
 */
export interface UnknownPrincipalError {
  readonly _tag: 'UnknownPrincipalError'
  readonly field: 'principalId'
  readonly principalId: string
  readonly message: string
}

/**
 * Anything that keeps a request from being decided.
 * @category errors
 * @since 0.3.0
 */
export type AccessRequestError = InvalidAccessRequestError | UnknownAccountError | UnknownPrincipalError

/**
 * An `InvalidAccessRequestError` for `field`.
 * @category errors
 * @since 0.3.0
 */
export const invalidAccessRequest = (field: string, message: string): InvalidAccessRequestError => ({ _tag: 'InvalidAccessRequestError', field, message: `${field}: ${message}` })

/**
 * An `UnknownAccountError`.
 * @category errors
 * @since 0.3.0
 */
export const unknownAccount = (accountId: string): UnknownAccountError => ({
  _tag: 'UnknownAccountError',
  field: 'accountId',
  accountId,
  message: `accountId: no account ${accountId} was ever opened`,
})

/**
 * An `UnknownPrincipalError`.
 * @category errors
 * @since 0.3.0
 */
export const unknownPrincipal = (principalId: string): UnknownPrincipalError => ({
  _tag: 'UnknownPrincipalError',
  field: 'principalId',
  principalId,
  message: `principalId: no principal ${principalId} is known`,
})
