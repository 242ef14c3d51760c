/**
 * Recording an access review's outcome, so the review itself is auditable: every grant the
 * reviewer decided on becomes a `GrantReviewed` event in the review's own stream
 * (`accessreview-<reviewId>`, recorded once: a retry with the same review id records nothing
 * more), and every grant they decided to revoke is revoked
 * through the account's command handler with the reason `access-review` — so the account's
 * stream says why the grant ended, and the review stream says who decided it when.
 *
 * @module
 */
import {
  AccountId,
  GrantId,
  Instant,
  PrincipalId,
  TenantId,
  decodeWith,
  type AccountCommand,
  type AppendError,
  type CommandHandler,
  type EventId,
  type GrantReviewed,
  type HandleError,
  type NewEvent,
  type StreamId,
  type AccountEvent,
  type AccountError,
  type AccountCommandInput,
  type EventStore,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { invalidAccessRequest, type InvalidAccessRequestError } from '../decision/access-control-errors.js'

/**
 * The codec of a review outcome.
 * @category review
 * @since 0.3.0
 */
export const ReviewOutcome = t.readonly(
  t.exact(
    t.type({
      /** Names the review's stream; a review is recorded once. */
      reviewId: t.refinement(t.string, (s) => /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(s), 'a review id (letters, digits, ".", "_", ":", "-")'),
      reviewedBy: PrincipalId,
      tenantId: TenantId,
      at: Instant,
      decisions: t.readonlyArray(t.readonly(t.exact(t.type({ accountId: AccountId, grantId: GrantId, outcome: t.keyof({ confirmed: null, revoked: null }) })))),
    }),
  ),
  'ReviewOutcome',
)
/** @category review @since 0.3.0 */
export type ReviewOutcome = t.TypeOf<typeof ReviewOutcome>

/**
 * What recording a review did: the review's events, and per revoked grant whether the revocation
 * was recorded or why not (e.g. the grant had already ended).
 * @category review
 * @since 0.3.0
 */
export interface RecordedReview {
  readonly reviewStream: StreamId
  readonly revocations: ReadonlyArray<{ readonly accountId: AccountId; readonly grantId: GrantId; readonly outcome: E.Either<HandleError<AccountError>, 'revoked'> }>
}

const decodeOutcome = decodeWith(ReviewOutcome)

/**
 * Record a review's outcome and carry out its revocations.
 * @category review
 * @since 0.3.0
 * @example
 * await recordReview({ store, accounts }, { reviewId: 'q2-hanna', reviewedBy: 'hanna', tenantId: 'acme-de', at: '2026-06-30T10:00:00Z', decisions: [{ accountId: 'kunde-1', grantId: 'g-1', outcome: 'revoked' }] })
 */
export const recordReview = async (
  deps: { readonly store: EventStore; readonly accounts: CommandHandler<AccountEvent, AccountError, AccountCommandInput> },
  input: unknown,
): Promise<E.Either<InvalidAccessRequestError | AppendError, RecordedReview>> => {
  const decoded = decodeOutcome(input)
  if (E.isLeft(decoded)) return E.left(invalidAccessRequest(decoded.left.field, decoded.left.message))
  const review = decoded.right
  if (review.decisions.length === 0) return E.left(invalidAccessRequest('decisions', 'expected at least one decision on a grant'))
  const reviewStream = `accessreview-${review.reviewId}` as StreamId
  const events = review.decisions.map(
    (d, i): NewEvent<GrantReviewed> => ({
      type: 'GrantReviewed',
      data: { accountId: d.accountId, grantId: d.grantId, reviewedBy: review.reviewedBy, outcome: d.outcome },
      metadata: {
        eventId: `${review.reviewId}-${i}` as EventId,
        occurredAt: review.at,
        actor: { principalId: review.reviewedBy },
        tenantId: review.tenantId,
        correlationId: review.reviewId,
        causationId: review.reviewId,
        commandId: `${review.reviewId}-${i}`,
      } as NewEvent['metadata'],
    }),
  )
  const appended = await deps.store.append(reviewStream, events, { expectedVersion: 'no-stream' })
  if (E.isLeft(appended)) return appended
  const revocations: Array<RecordedReview['revocations'][number]> = []
  for (const [i, d] of review.decisions.entries()) {
    if (d.outcome !== 'revoked') continue
    const command: AccountCommand = { type: 'RevokeAccess', data: { accountId: d.accountId, grantId: d.grantId, reason: 'access-review' } }
    const handled = await deps.accounts.handle(command, { commandId: `${review.reviewId}-revoke-${i}`, actor: review.reviewedBy, tenantId: review.tenantId, occurredAt: review.at, correlationId: review.reviewId })
    revocations.push({ accountId: d.accountId, grantId: d.grantId, outcome: E.map(() => 'revoked' as const)(handled) })
  }
  return E.right({ reviewStream, revocations })
}
