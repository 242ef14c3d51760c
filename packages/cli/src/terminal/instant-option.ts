/**
 * Times given on the command line: ISO 8601 with a time zone (`2026-03-12T09:00:00Z`,
 * `2026-03-12T10:00+01:00`) or a calendar date (`2026-03-12`, the start of that day in UTC).
 * Anything else is a usage error that says what is expected.
 *
 * @module
 */
import { Instant } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { UsageError } from '../exit-code.js'

/**
 * The instant a text names, or a `UsageError` naming the option.
 * @category terminal
 * @since 0.2.0
 * @example
 * parseInstant('2026-03-12', '--at') // Right('2026-03-12T00:00:00.000Z')
 */
export const parseInstant = (text: string, field: string): E.Either<UsageError, Instant> => {
  const candidate = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text
  const decoded = Instant.decode(candidate)
  return E.isRight(decoded)
    ? E.right(decoded.right)
    : E.left(new UsageError(field, 'expected an ISO 8601 time with a time zone (e.g. 2026-03-12T09:00:00Z) or a date (2026-03-12)'))
}
