/**
 * Subscriptions to alerts (Alarmierung): the embedding application is called back with every
 * alert the detectors raise, in the order they were raised, at least once — each subscriber by
 * name keeps its position in the database, so a restart resumes where it stopped and a callback
 * that throws gets the same alert again next time. With a `store`, each alert is first recorded
 * as an `AccessAlertRaised` event in the day's `accessalert-` stream (its event id derived from
 * the alert, so a second delivery records nothing twice).
 *
 * Hand `onProgress` to the projection runtime, and alerts are delivered after every batch the
 * detectors commit.
 *
 * @module
 */
import { type AccessAlertRaised, type AppendError, type EventStore, type NewEvent, type PrincipalId, type StreamId } from '@account-ownership/core'
import type { Kysely } from 'kysely'
import * as E from 'fp-ts/lib/Either.js'
import type { DetectorTables } from '../detectors/access-alerts.table.js'
import { alertsAfter, type AccessAlert } from './access-alerts.queries.js'

/**
 * Where each subscriber stands.
 * @category tables
 * @since 0.3.0
 */
export interface AlertSubscriberTable {
  readonly subscriber: string
  readonly position: string
}

/**
 * A delivery that stopped: the store refused to record the alert, or the callback threw.
 * @category errors
 * @since 0.3.0
 */
export interface AlertDeliveryError {
  readonly _tag: 'AlertDeliveryError'
  readonly alertId: string
  readonly message: string
  readonly cause: AppendError | unknown
}

/**
 * A subscriber: its name, the callback, and optionally the store to record alerts in.
 * @category alerts
 * @since 0.3.0
 */
export interface AlertSubscriptionConfig {
  readonly db: Kysely<DetectorTables>
  /** Unique per subscriber; names its position. */
  readonly name: string
  /** Called with each alert, in the order raised; a throw (or rejection) stops the delivery there, to be retried. */
  readonly onAlert?: (alert: AccessAlert) => void | Promise<void>
  /** Record each alert as an `AccessAlertRaised` event, by `actor` (the detectors' service principal) in `tenantId`. */
  readonly record?: { readonly store: EventStore; readonly actor: string; readonly tenantId: string }
}

/**
 * A running subscription.
 * @category alerts
 * @since 0.3.0
 */
export interface AlertSubscription {
  /** Deliver every alert not yet delivered to this subscriber; answers how many were. */
  deliver(): Promise<E.Either<AlertDeliveryError, number>>
  /** For `projectionRuntime({ onProgress })`: deliver after each committed batch. */
  readonly onProgress: () => void
  /** Resolves once the deliveries started so far have ended, with the last one's outcome. */
  settled(): Promise<E.Either<AlertDeliveryError, number>>
}

const alertEvent = (alert: AccessAlert, record: NonNullable<AlertSubscriptionConfig['record']>): NewEvent<AccessAlertRaised> => ({
  type: 'AccessAlertRaised',
  data: { kind: alert.kind, principalId: alert.principalId, accountId: alert.accountId, grantId: alert.grantId, from: alert.from, to: alert.to, count: alert.count, detail: alert.detail },
  metadata: {
    eventId: `alert-${alert.alertId}`,
    occurredAt: alert.to,
    actor: { principalId: record.actor as PrincipalId },
    tenantId: record.tenantId,
    correlationId: alert.alertId,
    causationId: alert.alertId,
    commandId: `alert-${alert.alertId}`,
  } as NewEvent['metadata'],
})

const pageSize = 500

const failed = (alertId: string, cause: unknown): E.Either<AlertDeliveryError, never> =>
  E.left({ _tag: 'AlertDeliveryError', alertId, message: `alert ${alertId} was not delivered: ${cause instanceof Error ? cause.message : String(cause)}`, cause })

/**
 * Subscribe `config.name` to the alerts.
 * @category alerts
 * @since 0.3.0
 * @example
 * const subscription = alertSubscription({ db, name: 'security-desk', onAlert: (alert) => console.log(alert.kind, alert.detail) })
 * projectionRuntime({ store, db, projections, onProgress: subscription.onProgress })
 */
export const alertSubscription = (config: AlertSubscriptionConfig): AlertSubscription => {
  const db = config.db as unknown as Kysely<DetectorTables & { readonly access_alert_subscribers: AlertSubscriberTable }>
  let created: Promise<unknown> | undefined
  const positionOf = async (): Promise<bigint> => {
    created ??= db.schema.createTable('access_alert_subscribers').ifNotExists().addColumn('subscriber', 'text', (c) => c.primaryKey()).addColumn('position', 'text', (c) => c.notNull()).execute()
    await created
    const row = await db.selectFrom('access_alert_subscribers').select('position').where('subscriber', '=', config.name).executeTakeFirst()
    return BigInt(row?.position ?? '0')
  }
  const moveTo = (position: bigint) =>
    db.insertInto('access_alert_subscribers').values({ subscriber: config.name, position: position.toString() }).onConflict((oc) => oc.column('subscriber').doUpdateSet({ position: position.toString() })).execute()

  const deliverOne = async (alert: AccessAlert): Promise<E.Either<AlertDeliveryError, void>> => {
    if (config.record !== undefined) {
      const stream = `accessalert-${alert.to.slice(0, 10)}` as StreamId
      const recorded = await config.record.store.append(stream, [alertEvent(alert, config.record)], { expectedVersion: 'any' })
      if (E.isLeft(recorded)) return failed(alert.alertId, recorded.left)
    }
    try {
      await config.onAlert?.(alert)
      return E.right(undefined)
    } catch (cause) {
      return failed(alert.alertId, cause)
    }
  }

  const deliver = async (): Promise<E.Either<AlertDeliveryError, number>> => {
    let delivered = 0
    for (let position = await positionOf(); ; ) {
      const fetched = await alertsAfter(config.db, position, pageSize)
      if (fetched.length === 0) return E.right(delivered)
      // A full page may cut the alerts of its last decision (at most one per kind): leave those to the next.
      const page = fetched.length < pageSize ? fetched : fetched.filter((alert) => alert.position !== fetched.at(-1)!.position)
      for (const [i, alert] of page.entries()) {
        const outcome = await deliverOne(alert)
        if (E.isLeft(outcome)) return outcome
        delivered++
        // Alerts of one decision share its position: move past it once all of them are delivered.
        if (page[i + 1]?.position !== alert.position) await moveTo((position = alert.position))
      }
    }
  }

  let last: Promise<E.Either<AlertDeliveryError, number>> = Promise.resolve(E.right(0))
  const enqueue = () => (last = last.then(deliver, deliver))
  return { deliver: enqueue, onProgress: () => void enqueue(), settled: () => last }
}
