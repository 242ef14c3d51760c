/**
 * A read of the log that rejected, as the store error it is: reads reject with a `ReadError`, and
 * anything else that escapes one (a driver's own error) becomes a `StoreUnavailableError` naming
 * what could not be read. One place for the chain, the tree and erasure.
 *
 * @module
 */
import { isStoreError, StoreUnavailableError, type ReadError } from '@account-ownership/core'

/**
 * The `ReadError` of a rejected read of `what`.
 * @category errors
 * @since 0.2.0
 */
export const readErrorOf = (e: unknown, what: string): ReadError =>
  isStoreError(e) && e._tag !== 'ConcurrencyError' && e._tag !== 'DuplicateEventError'
    ? e
    : new StoreUnavailableError(`${what} could not be read: ${e instanceof Error ? e.message : String(e)}`, false, { cause: e })
