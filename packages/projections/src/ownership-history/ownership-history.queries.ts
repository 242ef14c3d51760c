/**
 * Queries of the ownership history: who owned an account at a point in business time, and the
 * whole sequence of its owners.
 *
 * @module
 */
import type { AccountId, Instant, PrincipalId, TransferId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely, Selectable } from 'kysely'
import type { InvalidQueryError } from '../query/invalid-query-error.js'
import { precompiled } from '../query/precompiled-query.js'
import { accountIdArgument, instantArgument } from '../query/query-input.js'
import type { OwnershipPeriodTable } from './ownership-history.table.js'

type Tables = { readonly ownership_periods: OwnershipPeriodTable }

/**
 * A period in which one principal owned the account, `[from, to)` in business time.
 * @category queries
 * @since 0.1.0
 */
export interface OwnershipPeriod {
  readonly accountId: AccountId
  readonly ownerId: PrincipalId
  readonly from: Instant
  /** `null` while the period lasts. */
  readonly to: Instant | null
  readonly beganWith: 'assigned' | 'transferred'
  readonly reasonCode: string | null
  readonly transferId: TransferId | null
  readonly actorId: PrincipalId
  readonly endedWith: 'transferred' | 'orphaned' | null
}

const periodOf = (row: Selectable<OwnershipPeriodTable>): OwnershipPeriod => ({
  accountId: row.account_id as AccountId,
  ownerId: row.owner_id as PrincipalId,
  from: row.valid_from as Instant,
  to: row.valid_to as Instant | null,
  beganWith: row.began_with,
  reasonCode: row.reason_code,
  transferId: row.transfer_id as TransferId | null,
  actorId: row.actor_id as PrincipalId,
  endedWith: row.ended_with,
})

// An auditor asks this for every event of a timeline: built and compiled once per database.
const periodAt = precompiled(
  (db: Kysely<Tables>, { accountId, at }: { readonly accountId: string; readonly at: string }) =>
    db
      .selectFrom('ownership_periods')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('valid_from', '<=', at)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
      .orderBy('valid_from', 'desc')
      .orderBy('began_at_position', 'desc')
      .limit(1),
  ['accountId', 'at'],
)

/**
 * The ownership period that holds at `at`, or `null` when nobody owned the account then.
 * @category queries
 * @since 0.1.0
 * @example
 * const period = await ownerAt(db, 'kunde-1', '2026-03-12T09:00:00Z') // Right({ ownerId: 'hanna', … })
 */
export const ownerAt = async (db: Kysely<Tables>, accountId: string, at: string): Promise<E.Either<InvalidQueryError, OwnershipPeriod | null>> => {
  const id = accountIdArgument('accountId', accountId)
  if (E.isLeft(id)) return id
  const instant = instantArgument('at', at)
  if (E.isLeft(instant)) return instant
  const [row] = (await periodAt(db, { accountId: id.right, at: instant.right })).rows
  return E.right(row === undefined ? null : periodOf(row))
}

/**
 * Every ownership period of an account, oldest first.
 * @category queries
 * @since 0.1.0
 */
export const ownershipHistory = async (db: Kysely<Tables>, accountId: string): Promise<E.Either<InvalidQueryError, ReadonlyArray<OwnershipPeriod>>> => {
  const id = accountIdArgument('accountId', accountId)
  if (E.isLeft(id)) return id
  const rows = await db.selectFrom('ownership_periods').selectAll().where('account_id', '=', id.right).orderBy('began_at_position').execute()
  return E.right(rows.map(periodOf))
}
