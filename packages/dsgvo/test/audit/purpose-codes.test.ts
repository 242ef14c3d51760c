/**
 * The record of processing lists purposes by code (Art. 30(1)(b)): grants for one purpose code are
 * one activity, whatever their notes say — the notes are personal data and never reach the
 * audit tables.
 */
import { accountStream, inMemoryEventStore, type AccountEvent, type AccountId } from '@account-ownership/core'
import { cast, epoch, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, recordOfProcessing, type AuditTables } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const opened = (accountId: AccountId): AccountEvent => ({ type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName: `${accountId} GmbH`, tier: 'standard', openedBy: cast.dora } })
const grant = (accountId: AccountId, grantId: string, granteeId: string, purpose: string, purposeNote: string): AccountEvent => ({
  type: 'AccessGranted',
  data: { accountId, grantId: grantId as never, granteeId: granteeId as never, scope: 'read', purpose, purposeNote, legalBasis: 'art6-1-b-contract', grantedBy: cast.dora, validFrom: epoch, expiresAt: null },
})

describe('purposes in the record of processing', () => {
  it('are the codes: two grants for customer-support with different notes are one activity, and no note reaches the audit tables', async () => {
    const store = inMemoryEventStore()
    const [a, b] = ['kunde-a' as AccountId, 'kunde-b' as AccountId]
    for (const [accountId, grantee, note] of [[a, cast.sven, 'Ticket 4711 von Frau Schulz'], [b, cast.ada, 'Ticket 4712 von Herrn Weber']] as const) {
      const appended = await store.append(accountStream(accountId), [newEvent(opened(accountId)), newEvent(grant(accountId, `g-${accountId}`, grantee, 'customer-support', note))], { expectedVersion: 'no-stream' })
      if (E.isLeft(appended)) throw appended.left
    }
    const file = new Database(':memory:')
    const db = sqliteReadModels<AuditTables>(file)
    expect(E.isRight(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())).toBe(true)
    const record = await recordOfProcessing(db)
    expect(record.activities.filter((x) => x.recipientCategories.includes('grantee (read)') && x.purpose === 'customer-support').map((x) => [x.purpose, x.accounts, x.recipients])).toEqual([['customer-support', 2, 2]])
    expect(record.activities.map((x) => x.purpose)).not.toContain('Ticket 4711 von Frau Schulz')
    const dump = JSON.stringify(await db.selectFrom('dsgvo_access_periods').selectAll().execute())
    expect(dump).not.toMatch(/Schulz|Weber/)
    await db.destroy()
  })
})
