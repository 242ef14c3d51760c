/**
 * A read-model query that refused its input (an account id that is not one) as the usage error of
 * the argument the auditor typed.
 *
 * @module
 */
import type { InvalidQueryError } from '@account-ownership/projections'
import { UsageError } from '../exit-code.js'

/**
 * The usage error of the command-line argument `argument` for a refused query.
 * @category cli
 * @since 0.2.0
 */
export const usageOfQuery = (argument: string, error: InvalidQueryError): UsageError =>
  new UsageError(argument, error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message)
