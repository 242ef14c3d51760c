// Access control end to end: Hanna owns kunde-1 and gives Sven read access for customer support;
// Felix leaves the company. Requests are decided from the read models and every decision goes to
// the access log; the detectors watch the log and the security desk is called back with each
// alert as it is raised.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import {
  accessDetectorsProjection,
  accessLog,
  alertSubscription,
  authorize,
  defaultDetectorSettings,
  decisionProjections,
  type AccessAlert,
  type DecisionTables,
  type DetectorTables,
} from '@account-ownership/access-control'
import { accountCommandHandler, defaultPolicy, principalCommandHandler, type AccountCommandInput, type EventStore } from '@account-ownership/core'
import { projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import type { Kysely } from 'kysely'

const tenantId = 'acme-de'
const history: ReadonlyArray<readonly [string, AccountCommandInput]> = [
  ['2026-03-02T08:00:00Z', { type: 'OpenAccount', data: { accountId: 'kunde-1', tenantId, displayName: 'Albrecht Anlagenbau AG', tier: 'standard' } }],
  ['2026-03-02T08:00:00Z', { type: 'AssignOwner', data: { accountId: 'kunde-1', ownerId: 'hanna' } }],
  ['2026-03-02T08:05:00Z', { type: 'AddTeamMember', data: { accountId: 'kunde-1', principalId: 'felix', role: 'sales' } }],
  [
    '2026-03-02T08:10:00Z',
    { type: 'GrantAccess', data: { accountId: 'kunde-1', grantId: 'g-sven', granteeId: 'sven', scope: 'read', purpose: 'customer-support', legalBasis: 'art6-1-b-contract', expiresAt: '2026-03-16T00:00:00Z' } },
  ],
]

/** The database of the read models, the detectors' alerts and their subscribers. */
export type Tables = ReadModels & DecisionTables & DetectorTables

/** Records the history, decides and logs the day's requests, and hands every alert to `onAlert`. */
export const watchAccess = async (store: EventStore, db: Kysely<Tables>, onAlert: (alert: AccessAlert) => void): Promise<E.Either<{ readonly message: string }, void>> => {
  const policy = { ...defaultPolicy, admins: ['dora'] }
  const accounts = accountCommandHandler({ store, policy })
  for (const [i, [occurredAt, command]] of history.entries()) {
    const handled = await accounts.handle(command, { commandId: `history-${i}`, actor: 'dora', tenantId, occurredAt })
    if (E.isLeft(handled)) return handled
  }
  const people = principalCommandHandler({ store, policy })
  const left = await people.handle({ type: 'OffboardPrincipal', data: { principalId: 'felix', successorId: null, reason: 'Leaves the company' } }, { commandId: 'felix-leaves', actor: 'dora', tenantId, occurredAt: '2026-03-06T17:00:00Z' })
  if (E.isLeft(left)) return left

  // One runtime keeps the read models, the detectors and the subscription up to date.
  const subscription = alertSubscription({ db, name: 'security-desk', onAlert })
  const projections = [...readModelProjections, ...decisionProjections, accessDetectorsProjection(defaultDetectorSettings)]
  const runtime = projectionRuntime({ store, db, projections, onProgress: subscription.onProgress })
  const caughtUp = await runtime.runUntilCaughtUp()
  if (E.isLeft(caughtUp)) return caughtUp

  // The day's requests: Sven at work, Felix after he left, Sven late at night and trying kunde-2.
  const log = accessLog({ store })
  if (E.isLeft(log)) return log
  const requests = [
    { principalId: 'sven', accountId: 'kunde-1', action: 'read', purpose: 'customer-support', at: '2026-03-10T09:15:00Z' },
    { principalId: 'felix', accountId: 'kunde-1', action: 'read', purpose: 'customer-support', at: '2026-03-10T09:20:00Z' },
    { principalId: 'sven', accountId: 'kunde-1', action: 'write', purpose: 'customer-support', at: '2026-03-10T22:40:00Z' },
  ]
  for (const [i, request] of requests.entries()) {
    const decision = await authorize(db, request)
    if (E.isLeft(decision)) return decision
    const recorded = await log.right.record(decision.right, { tenantId, correlationId: `request-${i}` })
    if (E.isLeft(recorded)) return recorded
  }
  const watched = await runtime.runUntilCaughtUp()
  if (E.isLeft(watched)) return watched
  const delivered = await subscription.settled()
  return E.isLeft(delivered) ? delivered : E.right(undefined)
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'access-alerts-'))
  const opened = openSqliteEventStore({ path: join(dir, 'kunden.db') })
  if (E.isLeft(opened)) {
    console.error(`${opened.left._tag}: ${opened.left.message}`)
    process.exit(1)
  }
  const db = sqliteReadModels<Tables>(join(dir, 'read-models.db'))
  const watched = await watchAccess(opened.right, db, (alert) => console.log(`ALERT ${alert.kind}  ${alert.to}  ${alert.detail}`))
  await db.destroy()
  await opened.right.close()
  if (E.isLeft(watched)) {
    console.error(watched.left.message)
    process.exit(1)
  }
}
