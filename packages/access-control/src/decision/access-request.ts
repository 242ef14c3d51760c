/**
 * An access request (Zugriffsanfrage): who wants to do what with which account's data, for which
 * purpose, and when. Decoded at the edge; a bad field becomes an `InvalidAccessRequestError`
 * naming it, and the time is normalised to UTC with milliseconds like every instant of the log.
 *
 * @module
 */
import { AccessAction, AccountId, Instant, PrincipalId, PurposeCode, decodeWith } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import { invalidAccessRequest, type InvalidAccessRequestError } from './access-control-errors.js'

/**
 * The codec of an access request.
 * @category decisions
 * @since 0.3.0
 */
export const AccessRequest = t.readonly(
  t.exact(
    t.type({
      principalId: PrincipalId,
      accountId: AccountId,
      action: AccessAction,
      /** What the data is needed for: a purpose code of the policy, compared with the grant's. */
      purpose: PurposeCode,
      at: Instant,
    }),
  ),
  'AccessRequest',
)
/** @category decisions @since 0.3.0 */
export type AccessRequest = t.TypeOf<typeof AccessRequest>

const decodeRequest = decodeWith(AccessRequest)

/**
 * Decode an access request, naming the first bad field.
 * @category decisions
 * @since 0.3.0
 */
export const accessRequestOf = (input: unknown): E.Either<InvalidAccessRequestError, AccessRequest> =>
  typeof input !== 'object' || input === null
    ? E.left(invalidAccessRequest('(input)', 'expected { principalId, accountId, action, purpose, at }'))
    : pipe(
        decodeRequest(input),
        E.mapLeft((problem) => invalidAccessRequest(problem.field, problem.message)),
      )
