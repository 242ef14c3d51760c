/**
 * The rules of the detectors (Erkennungsregeln), pure: given one logged decision, the principal's
 * recent decisions, their offboarding and the alerts raised before, which alerts it sets off.
 * Windowed alerts are raised when the count reaches the threshold and not again for that
 * principal until a window has passed; near-expiry and out-of-hours alerts not again (for that
 * grant, resp. that principal) until their configured repeat window has passed — by default once
 * per grant and once per principal an hour; access by an offboarded principal every time.
 *
 * @module
 */
import { millisOf, plusMillis, type AlertKind, type Instant } from '@account-ownership/core'
import type { RecordedOf } from '@account-ownership/projections'
import { defaultOutOfHoursRepeatMinutes, type DetectorSettings } from './detector-settings.js'
import { withinWorkingHours } from './working-hours.js'

/**
 * A decision as the windowed detectors remember it.
 * @category detectors
 * @since 0.3.0
 */
export interface RecentDecision {
  readonly accountId: string
  readonly at: Instant
  readonly outcome: 'allowed' | 'denied'
}

/**
 * An alert a rule raised, before it is stored.
 * @category detectors
 * @since 0.3.0
 */
export interface RaisedAlert {
  readonly kind: AlertKind
  readonly grantId: string | null
  readonly from: Instant
  readonly to: Instant
  readonly count: number
  readonly detail: string
}

/**
 * What the rules know besides the decision.
 * @category detectors
 * @since 0.3.0
 */
export interface DetectorMemory {
  /** The principal's recent decisions, this one included. */
  readonly recent: ReadonlyArray<RecentDecision>
  readonly offboardedAt: Instant | null
  /** When the last alert of `kind` about this principal (and grant) ended, if any. */
  readonly lastAlert: (kind: AlertKind, grantId: string | null) => Instant | undefined
}

const minute = 60_000
const day = 24 * 60 * minute

/**
 * The key of an alert for its quiet period: near-expiry alerts are kept apart per grant.
 * @category detectors
 * @since 0.3.0
 */
export const alertKey = (kind: AlertKind, principalId: string, grantId: string | null): string => `${kind}|${principalId}|${kind === 'near-expiry-access' ? (grantId ?? '') : ''}`

// The decisions of a window that ends at `at`, `(at - minutes, at]`.
const within = (recent: ReadonlyArray<RecentDecision>, at: Instant, minutes: number) => {
  const from = plusMillis(at, -minutes * minute)
  return recent.filter((d) => d.at > from && d.at <= at)
}
const earliest = (decisions: ReadonlyArray<RecentDecision>): Instant => decisions.map((d) => d.at).sort()[0]!
const quiet = (last: Instant | undefined, at: Instant, ms: number): boolean => last !== undefined && millisOf(at) - millisOf(last) < ms

/**
 * The alerts one logged decision sets off.
 * @category detectors
 * @since 0.3.0
 */
export const alertsOf = (event: RecordedOf<'AccessDecided'>, memory: DetectorMemory, settings: DetectorSettings): ReadonlyArray<RaisedAlert> => {
  const d = event.data
  const at = event.metadata.occurredAt
  const alerts: RaisedAlert[] = []
  const single = (kind: AlertKind, detail: string, grantId: string | null = null) => alerts.push({ kind, grantId, from: at, to: at, count: 1, detail })

  if (d.reason === 'principal-offboarded' || (memory.offboardedAt !== null && memory.offboardedAt <= at)) {
    single('offboarded-access', `${d.action} of ${d.accountId} by ${d.principalId}, offboarded at ${memory.offboardedAt ?? 'an earlier time'} (${d.outcome})`)
  }
  const { threshold, windowMinutes: deniedMinutes } = settings.deniedBurst
  const denied = within(memory.recent, at, deniedMinutes).filter((r) => r.outcome === 'denied')
  if (d.outcome === 'denied' && denied.length >= threshold && !quiet(memory.lastAlert('denied-burst', null), at, deniedMinutes * minute)) {
    alerts.push({ kind: 'denied-burst', grantId: null, from: earliest(denied), to: at, count: denied.length, detail: `${denied.length} denied attempts by ${d.principalId} within ${deniedMinutes} minutes` })
  }
  const { distinctAccounts, windowMinutes: bulkMinutes } = settings.bulkAccess
  const allowed = within(memory.recent, at, bulkMinutes).filter((r) => r.outcome === 'allowed')
  const accounts = new Set(allowed.map((r) => r.accountId)).size
  if (d.outcome === 'allowed' && accounts >= distinctAccounts && !quiet(memory.lastAlert('bulk-access', null), at, bulkMinutes * minute)) {
    alerts.push({ kind: 'bulk-access', grantId: null, from: earliest(allowed), to: at, count: allowed.length, detail: `${d.principalId} accessed ${accounts} distinct accounts within ${bulkMinutes} minutes` })
  }
  // A grant is near its expiry for `withinDays` only, so repeating after as long means once per grant.
  const { withinDays, repeatAfterDays = withinDays } = settings.nearExpiry
  if (
    d.outcome === 'allowed' &&
    d.grantId !== null &&
    d.grantExpiresAt !== null &&
    millisOf(d.grantExpiresAt) - millisOf(at) <= withinDays * day &&
    !quiet(memory.lastAlert('near-expiry-access', d.grantId), at, repeatAfterDays * day)
  ) {
    single('near-expiry-access', `${d.action} of ${d.accountId} under grant ${d.grantId}, which expires at ${d.grantExpiresAt} (within ${withinDays} days)`, d.grantId)
  }
  const { repeatAfterMinutes = defaultOutOfHoursRepeatMinutes } = settings.workingHours
  if (!withinWorkingHours(at, settings.workingHours) && !quiet(memory.lastAlert('out-of-hours-access', null), at, repeatAfterMinutes * minute)) {
    single('out-of-hours-access', `${d.action} of ${d.accountId} by ${d.principalId} outside working hours (${settings.workingHours.timeZone}) (${d.outcome})`)
  }
  return alerts
}
