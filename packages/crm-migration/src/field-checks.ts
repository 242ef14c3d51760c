/**
 * The checks of one field of one row, shared by every format: a value is there, is an id the
 * library takes, is an instant. Each answers the value or the problem naming the field.
 *
 * @module
 */
import { AccountId, PrincipalId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { crmInstant } from './crm-instant.js'
import { rowProblem, type RowPlace, type RowProblem } from './row-problem.js'

/**
 * A field's check: the value, or the problem of its row.
 * @category migration
 * @since 0.3.0
 */
export type FieldCheck<A> = E.Either<RowProblem, A>

/**
 * The text of `field`, trimmed; a missing or empty field is a problem.
 * @category migration
 * @since 0.3.0
 */
export const requiredText = (value: string | undefined, place: RowPlace, field: string): FieldCheck<string> => {
  const text = value?.trim() ?? ''
  return text === '' ? E.left(rowProblem('missing', place, field, 'is empty')) : E.right(text)
}

/**
 * The account id in `field`.
 * @category migration
 * @since 0.3.0
 */
export const accountIdField = (value: string | undefined, place: RowPlace, field: string): FieldCheck<string> =>
  E.flatMap(requiredText(value, place, field), (id) =>
    AccountId.is(id) ? E.right(id) : E.left(rowProblem('invalid-id', place, field, 'is not an account id (letters, digits, ".", "_", ":", "-"; at most 128)')),
  )

/**
 * A principal id in `field`, where one is given; empty is `null`.
 * @category migration
 * @since 0.3.0
 */
export const optionalPrincipalField = (value: string | undefined, place: RowPlace, field: string): FieldCheck<string | null> => {
  const id = value?.trim() ?? ''
  if (id === '') return E.right(null)
  return PrincipalId.is(id) ? E.right(id) : E.left(rowProblem('invalid-id', place, field, 'is not a principal id (letters, digits, ".", "_", ":", "-"; at most 128)'))
}

/**
 * The instant in `field`, in ms since the epoch.
 * @category migration
 * @since 0.3.0
 */
export const instantField = (value: string | undefined, place: RowPlace, field: string): FieldCheck<number> =>
  E.mapLeft((message: string) => rowProblem('unparseable-date', place, field, message))(crmInstant(value ?? ''))

/**
 * Every problem among `checks`, or nothing.
 * @category migration
 * @since 0.3.0
 */
export const problemsAmong = (checks: ReadonlyArray<FieldCheck<unknown>>): ReadonlyArray<RowProblem> => checks.flatMap((c) => (E.isLeft(c) ? [c.left] : []))
