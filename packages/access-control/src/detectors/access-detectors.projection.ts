/**
 * The detectors of suspicious access as one projection over the access log and the offboardings:
 * each logged decision is checked against the rules (`detector-rules.ts`) and every alert it sets
 * off becomes a row of `access_alerts`, in the same transaction as the checkpoint — so each alert
 * is raised exactly once, however often the runtime stops, and a rebuild raises the same ones.
 * Run it in one runtime after `principalOffboardingsProjection`, whose table it reads.
 *
 * A decision is judged against the principal's decisions logged before it, back to its horizon:
 * twice the longest window before the latest decision logged before it, of any principal. What
 * lies behind the horizon is deleted after each batch; judging by the horizon rather than by what
 * a batch happens to have deleted keeps the alerts the same however the log is cut into batches,
 * also for a decision logged later than the horizon allows.
 *
 * @module
 */
import { plusMillis, type AlertKind, type Instant } from '@account-ownership/core'
import { defineProjection, insertRows, type BatchRow, type Projection } from '@account-ownership/projections'
import { sql } from 'kysely'
import type { PrincipalOffboardingTable } from '../offboardings/principal-offboardings.table.js'
import { createDetectorTables, type AccessAlertTable, type DetectorTables, type RecentDecisionTable } from './access-alerts.table.js'
import { alertKey, alertsOf, type RecentDecision } from './detector-rules.js'
import type { DetectorSettings } from './detector-settings.js'

type Tables = DetectorTables & { readonly principal_offboardings: PrincipalOffboardingTable }

const minute = 60_000
const earliestOf = (instants: ReadonlyArray<string>): string | null => [...instants].sort()[0] ?? null

/**
 * The detectors' projection, with the given thresholds. Changing the settings of a running
 * system means a new `version`, and the runtime rebuilds the alerts under the new thresholds.
 * @category detectors
 * @since 0.3.0
 * @example
 * projectionRuntime({ store, db, projections: [...readModelProjections, principalOffboardingsProjection, accessDetectorsProjection(defaultDetectorSettings)] })
 */
export const accessDetectorsProjection = (settings: DetectorSettings, version = 1): Projection<Tables, 'AccessDecided' | 'PrincipalOffboarded'> =>
  defineProjection<Tables, 'AccessDecided' | 'PrincipalOffboarded'>({
    name: 'access-detectors',
    version,
    handles: ['AccessDecided', 'PrincipalOffboarded'],
    tables: ['access_alerts', 'access_recent_decisions'],
    createTables: createDetectorTables,
    async load(events, tx) {
      const principals = [...new Set(events.map((e) => e.data.principalId as string))]
      const longest = Math.max(settings.deniedBurst.windowMinutes, settings.bulkAccess.windowMinutes) * minute
      const from = plusMillis(earliestOf(events.map((e) => e.metadata.occurredAt)) as Instant, -longest)
      const recent = new Map<string, RecentDecision[]>()
      // The latest decision logged so far survives every deletion, which keeps what lies before it.
      let latest = (await tx.selectFrom('access_recent_decisions').select((eb) => eb.fn.max('at').as('at')).executeTakeFirst())?.at ?? null
      for (const row of await tx.selectFrom('access_recent_decisions').selectAll().where('principal_id', 'in', principals).where('at', '>', from).execute()) {
        recent.set(row.principal_id, [...(recent.get(row.principal_id) ?? []), { accountId: row.account_id, at: row.at as Instant, outcome: row.outcome }])
      }
      // Each offboarding counts from where it stands in the log on: the answer must not depend on
      // whether the offboardings projection has already saved a later one of this batch.
      const offboarded = new Map<string, Array<{ readonly at: Instant; readonly position: bigint }>>()
      const offboard = (principalId: string, at: Instant, position: bigint) => offboarded.set(principalId, [...(offboarded.get(principalId) ?? []), { at, position }])
      const offboardings = await tx.selectFrom('principal_offboardings').select(['principal_id', 'offboarded_at']).select(sql<string>`cast(position as text)`.as('position')).where('principal_id', 'in', principals).execute()
      for (const row of offboardings) offboard(row.principal_id, row.offboarded_at as Instant, BigInt(row.position))
      const offboardedBefore = (principalId: string, position: bigint): Instant | null => earliestOf((offboarded.get(principalId) ?? []).filter((o) => o.position < position).map((o) => o.at)) as Instant | null
      const lastAlerts = new Map<string, Instant>()
      const alerted = await tx.selectFrom('access_alerts').select(['kind', 'principal_id', 'grant_id']).select((eb) => eb.fn.max('to_at').as('to_at')).where('principal_id', 'in', principals).groupBy(['kind', 'principal_id', 'grant_id']).execute()
      for (const row of alerted) lastAlerts.set(alertKey(row.kind, row.principal_id, row.grant_id), row.to_at as Instant)

      const newDecisions: BatchRow<RecentDecisionTable>[] = []
      const newAlerts: BatchRow<AccessAlertTable>[] = []
      return {
        apply(event) {
          const at = event.metadata.occurredAt
          if (event.type === 'PrincipalOffboarded') {
            if (!(offboarded.get(event.data.principalId) ?? []).some((o) => o.position === event.metadata.globalPosition)) offboard(event.data.principalId, at, event.metadata.globalPosition)
            return
          }
          const d = event.data
          const position = event.metadata.globalPosition.toString()
          const horizon = latest === null ? null : plusMillis(latest as Instant, -2 * longest)
          if (latest === null || at > latest) latest = at
          const earlier = recent.get(d.principalId) ?? []
          const mine = [...(horizon === null ? earlier : earlier.filter((r) => r.at >= horizon)), { accountId: d.accountId, at, outcome: d.outcome }]
          recent.set(d.principalId, mine)
          newDecisions.push({ position, principal_id: d.principalId, account_id: d.accountId, at, outcome: d.outcome })
          const lastAlert = (kind: AlertKind, grantId: string | null) => lastAlerts.get(alertKey(kind, d.principalId, grantId))
          for (const alert of alertsOf(event, { recent: mine, offboardedAt: offboardedBefore(d.principalId, event.metadata.globalPosition), lastAlert }, settings)) {
            newAlerts.push({ alert_id: `${alert.kind}-${position}`, kind: alert.kind, principal_id: d.principalId, account_id: d.accountId, grant_id: alert.grantId, from_at: alert.from, to_at: alert.to, count: alert.count, detail: alert.detail, position })
            const key = alertKey(alert.kind, d.principalId, alert.grantId)
            const before = lastAlerts.get(key)
            if (before === undefined || before < alert.to) lastAlerts.set(key, alert.to)
          }
        },
        async save() {
          await insertRows(tx, 'access_recent_decisions', newDecisions)
          await insertRows(tx, 'access_alerts', newAlerts)
          // What lies behind every later decision's horizon.
          if (latest !== null && newDecisions.length > 0) await tx.deleteFrom('access_recent_decisions').where('at', '<', plusMillis(latest as Instant, -2 * longest)).execute()
        },
      }
    },
  })
