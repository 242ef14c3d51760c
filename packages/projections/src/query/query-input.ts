/**
 * The arguments of read-model queries, decoded with core's codecs. An instant is normalised to
 * UTC with milliseconds on the way in, because the tables compare instants as strings.
 *
 * @module
 */
import { AccountId, Instant, PrincipalId, decodeWith, type FieldProblem } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { invalidQuery, type InvalidQueryError } from './invalid-query-error.js'

const argument =
  <A>(codec: t.Type<A, string, unknown>) =>
  (field: string, u: unknown): E.Either<InvalidQueryError, A> =>
    E.mapLeft((problem: FieldProblem) => invalidQuery(field, problem.message))(decodeWith(codec)(u))

/**
 * An account id argument.
 * @category queries
 * @since 0.1.0
 */
export const accountIdArgument = argument(AccountId)

/**
 * A principal id argument.
 * @category queries
 * @since 0.1.0
 */
export const principalIdArgument = argument(PrincipalId)

/**
 * An instant argument, normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * @category queries
 * @since 0.1.0
 */
export const instantArgument = argument(Instant)
