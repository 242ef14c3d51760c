/**
 * Queries of the alerts read model: the alerts raised, newest first, by kind, principal or time;
 * and alerts after a log position, in the order they were raised, for a subscriber.
 *
 * @module
 */
import { AlertKind, describeValue, type AccountId, type GrantId, type Instant, type PrincipalId } from '@account-ownership/core'
import { instantArgument, invalidQuery, principalIdArgument, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { AccessAlertTable, DetectorTables } from '../detectors/access-alerts.table.js'

/**
 * An alert as the read model has it.
 * @category alerts
 * @since 0.3.0
 */
export interface AccessAlert {
  readonly alertId: string
  readonly kind: AlertKind
  readonly principalId: PrincipalId
  readonly accountId: AccountId
  readonly grantId: GrantId | null
  readonly from: Instant
  readonly to: Instant
  readonly count: number
  readonly detail: string
  /** The log position of the decision that set it off. */
  readonly position: bigint
}

type Row = Selectable<AccessAlertTable> & { readonly position_text: string }

const alertOf = (row: Row): AccessAlert => ({
  alertId: row.alert_id,
  kind: row.kind,
  principalId: row.principal_id as PrincipalId,
  accountId: row.account_id as AccountId,
  grantId: row.grant_id as GrantId | null,
  from: row.from_at as Instant,
  to: row.to_at as Instant,
  count: Number(row.count),
  detail: row.detail,
  position: BigInt(row.position_text),
})

const selectAlerts = (db: Kysely<DetectorTables>) => db.selectFrom('access_alerts').selectAll().select(sql<string>`cast(position as text)`.as('position_text'))

/**
 * Alerts raised after log position `after`, in the order they were raised; at most `limit`.
 * @category alerts
 * @since 0.3.0
 */
export const alertsAfter = async (db: Kysely<DetectorTables>, after: bigint, limit = 500): Promise<ReadonlyArray<AccessAlert>> =>
  (await selectAlerts(db).where('position', '>', after.toString() as never).orderBy('position').orderBy('alert_id').limit(limit).execute()).map((row) => alertOf(row as Row))

/**
 * Alerts whose decisions end in `[from, to)` of business time, newest first, optionally of one
 * kind or one principal.
 * @category alerts
 * @since 0.3.0
 * @example
 * const today = await alerts(db, { from: '2026-03-12T00:00:00Z', to: '2026-03-13T00:00:00Z', kind: 'denied-burst' })
 */
export const alerts = async (
  db: Kysely<DetectorTables>,
  filter: { readonly from: string; readonly to: string; readonly kind?: AlertKind; readonly principalId?: string },
): Promise<E.Either<InvalidQueryError, ReadonlyArray<AccessAlert>>> => {
  if (typeof filter !== 'object' || filter === null) return E.left(invalidQuery('filter', 'expected { from, to, kind?, principalId? }'))
  const from = instantArgument('from', filter.from)
  if (E.isLeft(from)) return from
  const to = instantArgument('to', filter.to)
  if (E.isLeft(to)) return to
  let query = selectAlerts(db).where('to_at', '>=', from.right).where('to_at', '<', to.right)
  if (filter.kind !== undefined) {
    if (!AlertKind.is(filter.kind)) return E.left(invalidQuery('kind', `expected one of ${Object.keys(AlertKind.keys).join(', ')}, got ${describeValue(filter.kind)}`))
    query = query.where('kind', '=', filter.kind)
  }
  if (filter.principalId !== undefined) {
    const principal = principalIdArgument('principalId', filter.principalId)
    if (E.isLeft(principal)) return principal
    query = query.where('principal_id', '=', principal.right)
  }
  return E.right((await query.orderBy('to_at', 'desc').orderBy('alert_id').execute()).map((row) => alertOf(row as Row)))
}
