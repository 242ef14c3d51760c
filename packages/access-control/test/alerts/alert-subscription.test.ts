// Subscribers are called back with every alert, in order, at least once, and each alert is
// recorded once as an AccessAlertRaised event.
import { accessDetectorsProjection, alertSubscription, defaultDetectorSettings, principalOffboardingsProjection, type AccessAlert } from '@account-ownership/access-control'
import { inMemoryEventStore, type EventStore, type RecordedEvent } from '@account-ownership/core'
import { projectionRuntime } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { logDecisions, offboard } from '../support/logged-decisions.js'
import { scratchFiles } from '../support/scratch-dir.js'
import { detectorDatabase, watch } from '../support/watched-log.js'

const file = scratchFiles('subscription')

const raisedEvents = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = []
  for await (const e of store.readAll()) if (e.type === 'AccessAlertRaised') events.push(e)
  return events
}

// Felix, offboarded at nine, reads three accounts afterwards: three alerts.
const storeWithAlerts = async (): Promise<EventStore> => {
  const store = inMemoryEventStore()
  await offboard(store, 'felix', '2026-03-12T09:00:00Z')
  await logDecisions(store, ['k1', 'k2', 'k3'].map((accountId, i) => ({ at: `2026-03-12T10:0${i}:00Z`, principalId: 'felix', accountId })))
  return store
}

describe('a subscription to alerts', () => {
  it('hands every alert to the callback after the batch that raised it, and records each as an event', async () => {
    const store = await storeWithAlerts()
    const db = detectorDatabase(file('one.db'))
    const seen: AccessAlert[] = []
    const subscription = alertSubscription({ db, name: 'security-desk', onAlert: (alert) => void seen.push(alert), record: { store, actor: 'access-watch', tenantId: 'acme-de' } })
    const ran = await projectionRuntime({ store, db, projections: [principalOffboardingsProjection, accessDetectorsProjection(defaultDetectorSettings)], batchSize: 2, onProgress: subscription.onProgress }).runUntilCaughtUp()
    expect(E.isRight(ran)).toBe(true)
    expect(await subscription.settled()).toEqual(E.right(expect.any(Number)))
    const offboarded = seen.filter((a) => a.kind === 'offboarded-access')
    expect(offboarded.map((a) => a.accountId)).toEqual(['k1', 'k2', 'k3'])
    expect(seen.map((a) => a.position)).toEqual([...seen.map((a) => a.position)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))

    const events = await raisedEvents(store)
    expect(events.map((e) => e.metadata.eventId)).toEqual(seen.map((a) => `alert-${a.alertId}`))
    expect(events[0]!.metadata).toMatchObject({ streamId: 'accessalert-2026-03-12', actor: { principalId: 'access-watch' }, occurredAt: '2026-03-12T10:00:00.000Z' })
    expect(events[0]!.data).toMatchObject({ kind: seen[0]!.kind, principalId: 'felix', accountId: 'k1', count: 1 })

    // Delivered is delivered: for this subscriber, even in a new subscription object; another subscriber gets all.
    expect(await subscription.deliver()).toEqual(E.right(0))
    expect(await alertSubscription({ db, name: 'security-desk', onAlert: () => undefined }).deliver()).toEqual(E.right(0))
    expect(await alertSubscription({ db, name: 'siem-export', onAlert: () => undefined }).deliver()).toEqual(E.right(seen.length))
    await db.destroy()
  })

  it('when the callback throws, stops with an AlertDeliveryError naming the alert, and delivers it again next time; nothing is recorded twice', async () => {
    const store = await storeWithAlerts()
    const db = detectorDatabase(file('two.db'))
    const all = await watch(store, db)
    let calls = 0
    const seen: string[] = []
    const subscription = alertSubscription({
      db,
      name: 'flaky',
      onAlert: (alert) => {
        if (++calls === 2) throw new Error('pager down')
        seen.push(alert.alertId)
      },
      record: { store, actor: 'access-watch', tenantId: 'acme-de' },
    })
    const first = await subscription.deliver()
    expect(E.isLeft(first) && first.left).toMatchObject({ _tag: 'AlertDeliveryError', alertId: all[1]!.alertId })
    expect(await subscription.deliver()).toEqual(E.right(all.length - 1))
    expect(seen).toEqual(all.map((a) => a.alertId))
    expect((await raisedEvents(store)).map((e) => e.metadata.eventId)).toEqual(all.map((a) => `alert-${a.alertId}`))
    await db.destroy()
  })
})
