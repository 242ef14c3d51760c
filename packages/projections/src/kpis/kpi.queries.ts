/**
 * KPI queries (Kennzahlen): transfers per period and reason, how long four-eyes decisions take,
 * accounts per owner, and time spent orphaned. They read the ownership history and current
 * owner read models beside the KPI tables. Periods are calendar periods in UTC.
 *
 * @module
 */
import { millisOf, type AccountId, type Instant, type PrincipalId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { sql, type Kysely } from 'kysely'
import type { CurrentOwnerTable } from '../current-owner/current-owner.table.js'
import type { OwnershipPeriodTable } from '../ownership-history/ownership-history.table.js'
import { invalidQuery, type InvalidQueryError } from '../query/invalid-query-error.js'
import { instantArgument } from '../query/query-input.js'
import type { OrphanSpellTable, TransferRequestTable } from './kpi.table.js'

type Tables = {
  readonly ownership_periods: OwnershipPeriodTable
  readonly current_owners: CurrentOwnerTable
  readonly transfer_requests: TransferRequestTable
  readonly orphan_spells: OrphanSpellTable
}

/**
 * A calendar period: `2026`, `2026-03` or `2026-03-12`.
 * @category queries
 * @since 0.1.0
 */
export type PeriodUnit = 'year' | 'month' | 'day'

const prefixLength: Record<PeriodUnit, number> = { year: 4, month: 7, day: 10 }

/**
 * A time window `[from, to)` in business time.
 * @category queries
 * @since 0.1.0
 */
export interface Window {
  readonly from: string
  readonly to: string
}

const windowArgument = (w: Window): E.Either<InvalidQueryError, { from: Instant; to: Instant }> =>
  typeof w !== 'object' || w === null
    ? E.left(invalidQuery('window', 'expected { from, to }'))
    : pipe(
        E.Do,
        E.bind('from', () => instantArgument('from', w.from)),
        E.bind('to', () => instantArgument('to', w.to)),
      )

const unitArgument = (unit: unknown): E.Either<InvalidQueryError, PeriodUnit> =>
  typeof unit === 'string' && Object.hasOwn(prefixLength, unit) ? E.right(unit as PeriodUnit) : E.left(invalidQuery('unit', "expected 'year', 'month' or 'day'"))

/**
 * How many owner changes by transfer there were in each period, by reason code.
 * @category queries
 * @since 0.1.0
 */
export const transfersPerPeriod = async (
  db: Kysely<Tables>,
  window: Window,
  unit: PeriodUnit = 'month',
): Promise<E.Either<InvalidQueryError, ReadonlyArray<{ readonly period: string; readonly reasonCode: string; readonly transfers: number }>>> => {
  const w = windowArgument(window)
  if (E.isLeft(w)) return w
  const u = unitArgument(unit)
  if (E.isLeft(u)) return u
  const period = sql<string>`substr(valid_from, 1, ${sql.lit(prefixLength[u.right])})`
  const rows = await db
    .selectFrom('ownership_periods')
    .select([period.as('period'), 'reason_code', (eb) => eb.fn.countAll().as('transfers')])
    .where('began_with', '=', 'transferred')
    .where('valid_from', '>=', w.right.from)
    .where('valid_from', '<', w.right.to)
    .groupBy([period, 'reason_code'])
    .orderBy('period')
    .orderBy('reason_code')
    .execute()
  return E.right(rows.map((r) => ({ period: r.period, reasonCode: r.reason_code ?? '', transfers: Number(r.transfers) })))
}

/**
 * For each reason code, the four-eyes requests decided in the window and how long the decision
 * took from request to approval or rejection.
 * @category queries
 * @since 0.1.0
 */
export const transferDecisionTimes = async (
  db: Kysely<Tables>,
  window: Window,
): Promise<
  E.Either<InvalidQueryError, ReadonlyArray<{ readonly reasonCode: string; readonly approved: number; readonly rejected: number; readonly averageMillis: number; readonly longestMillis: number }>>
> => {
  const w = windowArgument(window)
  if (E.isLeft(w)) return w
  const rows = await db
    .selectFrom('transfer_requests')
    .select((eb) => [
      'reason_code',
      eb.fn.sum<number>(eb.case().when('decision', '=', 'approved').then(1).else(0).end()).as('approved'),
      eb.fn.sum<number>(eb.case().when('decision', '=', 'rejected').then(1).else(0).end()).as('rejected'),
      eb.fn.avg<number>('decision_millis').as('average'),
      eb.fn.max('decision_millis').as('longest'),
    ])
    .where('decided_at', '>=', w.right.from)
    .where('decided_at', '<', w.right.to)
    .groupBy('reason_code')
    .orderBy('reason_code')
    .execute()
  return E.right(
    rows.map((r) => ({ reasonCode: r.reason_code, approved: Number(r.approved), rejected: Number(r.rejected), averageMillis: Number(r.average), longestMillis: Number(r.longest) })),
  )
}

/**
 * How many open accounts each owner holds now, most first.
 * @category queries
 * @since 0.1.0
 */
export const accountsPerOwner = async (db: Kysely<Tables>): Promise<ReadonlyArray<{ readonly ownerId: PrincipalId; readonly accounts: number }>> => {
  const rows = await db
    .selectFrom('current_owners')
    .select(['owner_id', (eb) => eb.fn.countAll().as('accounts')])
    .where('ownership', '=', 'owned')
    .where('lifecycle', '=', 'open')
    .groupBy('owner_id')
    .orderBy('accounts', 'desc')
    .orderBy('owner_id')
    .execute()
  return rows.map((r) => ({ ownerId: r.owner_id as PrincipalId, accounts: Number(r.accounts) }))
}

/**
 * For each account that was ever orphaned, how long it spent without an owner up to `at`; a
 * spell still running at `at` counts until `at`.
 * @category queries
 * @since 0.1.0
 */
export const timeOrphaned = async (
  db: Kysely<Tables>,
  at: string,
): Promise<E.Either<InvalidQueryError, ReadonlyArray<{ readonly accountId: AccountId; readonly spells: number; readonly orphanedMillis: number; readonly orphanedAt: boolean }>>> => {
  const instant = instantArgument('at', at)
  if (E.isLeft(instant)) return instant
  const t = millisOf(instant.right)
  const spells = await db.selectFrom('orphan_spells').selectAll().where('orphaned_at', '<=', instant.right).orderBy('account_id').orderBy('orphaned_at_position').execute()
  const byAccount = new Map<string, { spells: number; orphanedMillis: number; orphanedAt: boolean }>()
  for (const s of spells) {
    const end = s.ended_at === null ? t : Math.min(t, millisOf(s.ended_at as Instant))
    const running = s.ended_at === null || millisOf(s.ended_at as Instant) > t
    const sum = byAccount.get(s.account_id) ?? { spells: 0, orphanedMillis: 0, orphanedAt: false }
    byAccount.set(s.account_id, { spells: sum.spells + 1, orphanedMillis: sum.orphanedMillis + end - millisOf(s.orphaned_at as Instant), orphanedAt: running })
  }
  return E.right([...byAccount].map(([accountId, sum]) => ({ accountId: accountId as AccountId, ...sum })))
}
