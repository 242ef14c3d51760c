/**
 * A read-model query that refused its input (an account id that is not one) as the usage error of
 * the argument the auditor typed; one that could not read the log as the failure it is.
 *
 * @module
 */
import type { ReadError } from '@account-ownership/core'
import type { InvalidQueryError } from '@account-ownership/projections'
import { failedRead, UsageError, type CliError } from '../exit-code.js'

/**
 * The usage error of the command-line argument `argument` for a refused query.
 * @category cli
 * @since 0.2.0
 */
export const usageOfQuery = (argument: string, error: InvalidQueryError): UsageError =>
  new UsageError(argument, error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message)

/**
 * The error of a query that also reads the log: refused input is the usage error of `argument`; a
 * corrupt event is a finding (exit 1), a store that failed a failure (exit 3).
 * @category cli
 * @since 0.3.0
 */
export const failureOfQuery = (argument: string, error: InvalidQueryError | ReadError): CliError =>
  error._tag === 'InvalidQueryError'
    ? usageOfQuery(argument, error)
    : failedRead('the log could not be read', error)
