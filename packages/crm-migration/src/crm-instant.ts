/**
 * The instants CRM exports write: ISO 8601 with a time zone, as Salesforce's Data Loader
 * (`2019-03-14T09:21:07.000+0000`), its Bulk API (`…Z`), HubSpot's API and most other systems
 * write them. An instant without a zone is refused rather than guessed: an owner change an hour
 * off can land before or after another one.
 *
 * @module
 */
import { Instant, millisOf } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'

/* `+0000` (Salesforce) is ISO 8601's basic form of `+00:00`; the core codec takes the extended form. */
const basicOffset = /([+-]\d{2})(\d{2})$/

/**
 * The milliseconds since the epoch of `text`, or why it is not an instant.
 * @category migration
 * @since 0.3.0
 * @example
 * crmInstant('2019-03-14T09:21:07.000+0000') // Right(1552555267000)
 */
export const crmInstant = (text: string): E.Either<string, number> => {
  const trimmed = text.trim()
  if (trimmed === '') return E.left('is empty; expected an ISO 8601 date and time with a time zone')
  const extended = /T.*[+-]\d{4}$/.test(trimmed) ? trimmed.replace(basicOffset, '$1:$2') : trimmed
  const decoded = Instant.decode(extended)
  return E.isRight(decoded) ? E.right(millisOf(decoded.right)) : E.left('is not an ISO 8601 date and time with a time zone (e.g. 2019-03-14T09:21:07.000Z)')
}
