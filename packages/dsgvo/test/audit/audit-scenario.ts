/**
 * One account's story with everything the audit reports look at, written through the encrypting
 * store into a real SQLite log, and projected into the given read-model database:
 *
 * - 2026-01-05 opened; Hanna owns it; Felix joins the team (finance).
 * - 2026-01-10 Sven gets read access for support (6(1)(b)) until 2026-02-10; Ada gets read access
 *   for an audit (6(1)(c)) without expiry.
 * - 2026-01-20 Erika Mustermann is mapped as decision maker.
 * - 2026-02-01 Hanna hands the account to Felix without the team.
 * - 2026-02-05 Sven is offboarded, Felix named his successor — Sven's grant still runs to 2026-02-10.
 * - 2026-03-12 Felix archives the account (churned) on Hanna's behalf; 2026-04-01 Dora erases Erika's data.
 *
 * Dora records every event but the archive.
 *
 * @module
 */
import { accountStream, principalStream, type AccountEvent, type GrantId, type Instant, type NewEvent, type PrincipalId } from '@account-ownership/core'
import { account, cast, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, encryptingEventStore, erase, type AuditTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { projectionRuntime } from '@account-ownership/projections'
import { openSqliteEventStore } from '@account-ownership/store-sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { mapped } from '../stakeholders.js'

const at = (day: string) => `${day}T09:00:00.000Z` as Instant

const onBehalfOf = (event: NewEvent, principalId: PrincipalId): NewEvent => ({ ...event, metadata: { ...event.metadata, actor: { ...event.metadata.actor, onBehalfOf: principalId } } }) as NewEvent

/** The scenario's account. */
export const kunde = account('kunde-7')

/** Write the scenario into a log at `logPath` (keys at `keyPath`) and project it into `db`. */
export const auditScenario = async (db: Kysely<AuditTables>, logPath: string, keyPath: string) => {
  const written = await writeAuditScenario(logPath, keyPath)
  const run = await projectionRuntime({ store: written.store, db, projections: [auditProjection()] }).runUntilCaughtUp()
  if (E.isLeft(run)) throw run.left
  return written
}

/** Write the scenario into a log at `logPath` (keys at `keyPath`); the encrypting store reads it. */
export const writeAuditScenario = async (logPath: string, keyPath: string) => {
  const opened = openSqliteEventStore({ path: logPath })
  if (E.isLeft(opened)) throw opened.left
  const keyDb = new Database(keyPath)
  const keys = sqliteKeyStore(keyDb)
  const store = encryptingEventStore({ store: opened.right, keys })
  const grant = (grantId: string, granteeId: PrincipalId, purpose: string, purposeNote: string, legalBasis: string, expiresAt: Instant | null): AccountEvent =>
    ({ type: 'AccessGranted', data: { accountId: kunde, grantId: grantId as GrantId, granteeId, scope: 'read', purpose, purposeNote, legalBasis, grantedBy: cast.hanna, validFrom: at('2026-01-10'), expiresAt } }) as AccountEvent
  const events: NewEvent[] = [
    newEvent({ type: 'AccountOpened', data: { accountId: kunde, tenantId: tenant, displayName: 'Muster GmbH', tier: 'key', openedBy: cast.dora } }, { at: at('2026-01-05') }),
    newEvent({ type: 'OwnershipAssigned', data: { accountId: kunde, ownerId: cast.hanna, assignedBy: cast.dora } }, { at: at('2026-01-05') }),
    newEvent({ type: 'TeamMemberAdded', data: { accountId: kunde, principalId: cast.felix, role: 'finance', addedBy: cast.hanna } }, { at: at('2026-01-05') }),
    newEvent(grant('g-sven', cast.sven, 'customer-support', 'Support ticket 4711', 'art6-1-b-contract', at('2026-02-10')), { at: at('2026-01-10') }),
    newEvent(grant('g-ada', cast.ada, 'audit', 'Annual audit', 'art6-1-c-legal-obligation', null), { at: at('2026-01-10') }),
    newEvent(mapped('erika', 'Erika Mustermann', 'erika@muster.de', kunde), { at: at('2026-01-20') }),
    newEvent({ type: 'OwnershipTransferred', data: { accountId: kunde, fromOwnerId: cast.hanna, toOwnerId: cast.felix, reasonCode: 'territory-change', transferredBy: cast.dora, keepsTeam: false } } as AccountEvent, { at: at('2026-02-01') }),
  ]
  const appended = await store.append(accountStream(kunde), events, { expectedVersion: 'no-stream' })
  if (E.isLeft(appended)) throw appended.left
  const offboarded = await store.append(
    principalStream(cast.sven),
    // newEvent builds account events; a principal event has the same envelope.
    [newEvent({ type: 'PrincipalOffboarded', data: { principalId: cast.sven, successorId: cast.felix, offboardedBy: cast.dora, reason: 'left the company' } } as unknown as AccountEvent, { at: at('2026-02-05') })],
    { expectedVersion: 'no-stream' },
  )
  if (E.isLeft(offboarded)) throw offboarded.left
  const archived = await store.append(accountStream(kunde), [onBehalfOf(newEvent({ type: 'AccountArchived', data: { accountId: kunde, reason: 'churned', archivedBy: cast.felix } }, { at: at('2026-03-12'), actor: cast.felix }), cast.hanna)], { expectedVersion: 6n })
  if (E.isLeft(archived)) throw archived.left
  const erased = await erase({ store, keys }, 'stakeholder:erika', { by: cast.dora, legalGround: 'art17-1-c-objection', at: at('2026-04-01'), tenantId: tenant })
  if (E.isLeft(erased)) throw erased.left
  return { store, keys, close: async () => { await store.close(); keyDb.close() } }
}
