/**
 * The rules every account command shares: the account must exist, be this account, be open
 * (invariant 2), and the actor must be allowed. Each rule is a small `Either`; `decide` composes
 * them with `pipe`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { AccountId, PrincipalId } from '../ids.js'
import type { Policy } from '../policy.js'
import { accountArchived, accountMismatch, accountNotOpened, notAuthorized, principalOffboarded, type AccountError } from './account-errors.js'
import { ownerOf, type AccountState, type OpenedAccount } from './account-state.js'
import type { DecisionContext } from './decision-context.js'

/**
 * The opened account the command names, or why there is none.
 * @category decider
 * @since 0.1.0
 */
export const existing = (state: AccountState, accountId: AccountId): E.Either<AccountError, OpenedAccount> =>
  state.status === 'unopened'
    ? E.left(accountNotOpened(`account ${accountId} has not been opened`, 'data.accountId'))
    : state.accountId !== accountId
      ? E.left(accountMismatch(`this stream holds account ${state.accountId}, not ${accountId}`, 'data.accountId'))
      : E.right(state)

/**
 * The open (not archived) account the command names.
 * @category decider
 * @since 0.1.0
 */
export const open = (state: AccountState, accountId: AccountId): E.Either<AccountError, OpenedAccount> =>
  E.flatMap(existing(state, accountId), (s) =>
    s.status === 'archived' ? E.left(accountArchived(`account ${accountId} is archived; only a restore is accepted`)) : E.right(s),
  )

/**
 * The principal must not have been offboarded: nobody is made owner, team member or grantee
 * once their offboarding is recorded, whatever its date (invariant 10). Blames `field`.
 * @category decider
 * @since 0.2.0
 */
export const notOffboarded =
  (ctx: DecisionContext, principalId: PrincipalId, field: string) =>
  <A>(a: A): E.Either<AccountError, A> => {
    const offboarding = ctx.offboarded?.(principalId) ?? null
    return offboarding === null
      ? E.right(a)
      : E.left(principalOffboarded(`${principalId} was offboarded (${offboarding.offboardedAt}) and can no longer own an account, join its team or hold a grant`, field))
  }

/**
 * Whether a principal is an admin under the policy.
 * @category decider
 * @since 0.1.0
 */
export const isAdmin = (policy: Policy, principalId: PrincipalId): boolean => policy.admins.includes(principalId)

/**
 * The actor must be an admin.
 * @category decider
 * @since 0.1.0
 */
export const byAdmin =
  (ctx: DecisionContext, what: string) =>
  (s: OpenedAccount): E.Either<AccountError, OpenedAccount> =>
    isAdmin(ctx.policy, ctx.actor) ? E.right(s) : E.left(notAuthorized(`only an admin may ${what}; ${ctx.actor} is none`))

/**
 * The actor must be the owner or an admin.
 * @category decider
 * @since 0.1.0
 */
export const byOwnerOrAdmin =
  (ctx: DecisionContext, what: string) =>
  (s: OpenedAccount): E.Either<AccountError, OpenedAccount> =>
    ownerOf(s) === ctx.actor || isAdmin(ctx.policy, ctx.actor)
      ? E.right(s)
      : E.left(notAuthorized(`only the owner or an admin may ${what}; ${ctx.actor} is neither`))
