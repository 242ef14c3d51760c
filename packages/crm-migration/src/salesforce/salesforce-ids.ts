/**
 * Salesforce's record ids. One record has two spellings: 15 characters, case-sensitive (reports,
 * the user interface), and 18 (the API, Data Loader), where the last three encode which of the
 * first fifteen are capitals, so that tools that ignore case cannot merge two records. An Account
 * export in one spelling and its AccountHistory in the other name the same accounts and owners,
 * so every id is read as its one canonical spelling, the 18-character one, before anything is
 * matched or written: otherwise one account would become two streams and one user two principals.
 *
 * As owners, a user (`005…`) is a person; a queue (`00G…`) holds the account for a group, so
 * nobody is accountable for it.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { FieldCheck } from '../field-checks.js'
import { nobody, type OwnerRef } from '../owner-change.js'
import { rowProblem, type RowPlace } from '../row-problem.js'

/**
 * The key prefix of a queue (a `Group` record).
 * @category salesforce
 * @since 0.3.0
 */
export const queuePrefix = '00G'

/**
 * A 15- or 18-character record id.
 * @category salesforce
 * @since 0.3.0
 */
export const isSalesforceId = (s: string): boolean => /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(s)

const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'
const isCapital = (c: string): boolean => c >= 'A' && c <= 'Z'
const isDigit = (c: string): boolean => c >= '0' && c <= '9'

/** The three checksum characters of a 15-character id: one per five characters, a bit per capital. */
const checksumOf = (id15: string): string =>
  [0, 5, 10].map((start) => checksumAlphabet[[0, 1, 2, 3, 4].reduce((bits, i) => (isCapital(id15[start + i]!) ? bits | (1 << i) : bits), 0)]!).join('')

/**
 * The canonical, 18-character spelling of a record id given in either spelling, or why it is
 * none. An 18-character id whose letters lost their case (a spreadsheet that upper-cased a column)
 * gets it back from its checksum; one whose checksum marks a digit as a capital is refused.
 * @category salesforce
 * @since 0.3.0
 */
export const canonicalSalesforceId = (id: string): E.Either<string, string> => {
  if (/^[A-Za-z0-9]{15}$/.test(id)) return E.right(id + checksumOf(id))
  if (!/^[A-Za-z0-9]{18}$/.test(id)) return E.left('is not a Salesforce record id (15 or 18 letters and digits)')
  const checksum = id.slice(15).toUpperCase()
  const capitals = [...checksum].map((c) => checksumAlphabet.indexOf(c))
  if (capitals.some((bits) => bits < 0)) return E.left('is not a Salesforce record id: its last three characters are no checksum (A–Z, 0–5)')
  const head = [...id.slice(0, 15)].map((c, i) => {
    const capital = ((capitals[Math.floor(i / 5)]! >> i % 5) & 1) === 1
    return isDigit(c) ? (capital ? undefined : c) : capital ? c.toUpperCase() : c.toLowerCase()
  })
  return head.includes(undefined) ? E.left('is not a Salesforce record id: its checksum does not match its first 15 characters') : E.right(head.join('') + checksum)
}

/**
 * The record id in `field`, in its canonical spelling; empty is `null` where `optional`.
 * @category salesforce
 * @since 0.3.0
 */
export function salesforceIdField(value: string | undefined, place: RowPlace, field: string, optional: true): FieldCheck<string | null>
export function salesforceIdField(value: string | undefined, place: RowPlace, field: string, optional?: false): FieldCheck<string>
export function salesforceIdField(value: string | undefined, place: RowPlace, field: string, optional = false): FieldCheck<string | null> {
  const text = value?.trim() ?? ''
  if (text === '') return optional ? E.right(null) : E.left(rowProblem('missing', place, field, 'is empty'))
  return E.mapLeft((message: string) => rowProblem('invalid-id', place, field, message))(canonicalSalesforceId(text))
}

/**
 * The owner an `OwnerId` (or an owner change's value of DataType `EntityId`) names, given in its
 * canonical spelling.
 * @category salesforce
 * @since 0.3.0
 */
export const salesforceOwner = (id: string): OwnerRef => (id === '' || id.startsWith(queuePrefix) ? nobody : { kind: 'person', id })
