// Read models forget too: an erasure (PersonalDataErased) overwrites what a projection copied of
// the subject — a grantee's purpose notes, a sole trader's name — and nothing else; however the
// log is cut into batches, the rows come out the same.
import { accountStream, erasedMarker, inMemoryEventStore, subjectStream, type AccountEvent, type AccountId, type EventStore, type NewEvent, type StreamId, type SubjectId } from '@account-ownership/core'
import { cast, epoch, newEvent, tenant } from '@account-ownership/core/testing'
import { accessProjection, projectionRuntime, readModelProjections, type ReadModels } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { crashingAt } from '../support/crashing-projection.js'
import type { TestDialect } from '../support/test-dialect.js'

const soleTrader = 'kunde-st' as AccountId
const company = 'kunde-co' as AccountId

const grant = (accountId: AccountId, grantId: string, granteeId: string, purposeNote: string): AccountEvent => ({
  type: 'AccessGranted',
  data: { accountId, grantId: grantId as never, granteeId: granteeId as never, scope: 'read', purpose: 'customer-support', purposeNote, legalBasis: 'art6-1-b-contract', grantedBy: cast.hanna, validFrom: epoch, expiresAt: null },
})

const erasure = (subjectId: string): NewEvent =>
  newEvent({ type: 'PersonalDataErased', data: { subjectId: subjectId as SubjectId, erasedBy: cast.dora, legalGround: 'art17-1-c-objection', keysDestroyed: 1 } } as unknown as AccountEvent)

const appendTo = (store: EventStore) => async (stream: StreamId, events: ReadonlyArray<NewEvent>) => {
  const appended = await store.append(stream, events, { expectedVersion: 'any' })
  if (E.isLeft(appended)) throw appended.left
}

// The log as an encrypting store would read it before the erasures were applied: plain values.
const history = async (): Promise<EventStore> => {
  const store = inMemoryEventStore()
  const append = appendTo(store)
  await append(accountStream(soleTrader), [
    newEvent({ type: 'AccountOpened', data: { accountId: soleTrader, tenantId: tenant, displayName: 'Bäckerei Anna Schmidt e.K.', tier: 'standard', openedBy: cast.dora, soleTrader: true } }),
    newEvent({ type: 'OwnershipAssigned', data: { accountId: soleTrader, ownerId: cast.hanna, assignedBy: cast.dora } }),
    newEvent(grant(soleTrader, 'g-1', cast.sven, 'Vertretung während Svens Kur')),
    newEvent(grant(soleTrader, 'g-2', cast.ada, 'Jahresabschluss')),
  ])
  await append(accountStream(company), [
    newEvent({ type: 'AccountOpened', data: { accountId: company, tenantId: tenant, displayName: 'Muster GmbH', tier: 'key', openedBy: cast.dora } }),
    newEvent(grant(company, 'g-3', cast.sven, 'Reklamation 118')),
  ])
  await append(subjectStream('principal:sven' as SubjectId), [erasure('principal:sven')])
  await append(subjectStream('account:kunde-st' as SubjectId), [erasure('account:kunde-st')])
  await append(subjectStream('account:kunde-co' as SubjectId), [erasure('account:kunde-co')])
  // After his erasure Sven gets a new grant: its note is under a new key, and stays.
  await append(accountStream(company), [newEvent(grant(company, 'g-4', cast.sven, 'Neue Reklamation 207'))])
  return store
}

const rows = async (db: Kysely<ReadModels>) => ({
  notes: await db.selectFrom('access_grants').select(['grant_id', 'purpose', 'purpose_note']).orderBy('grant_id').execute(),
  names: await db.selectFrom('current_owners').select(['account_id', 'display_name', 'sole_trader']).orderBy('account_id').execute(),
})

export const erasureFeatures = (dialect: TestDialect): void => {
  describe(`read models forget an erased subject (${dialect.name})`, () => {
    it("overwrites the erased grantee's notes and the sole trader's name, and nothing else, in whatever batches", async () => {
      const store = await history()
      const byOne = await dialect.open()
      const whole = await dialect.open()
      expect(E.isRight(await projectionRuntime({ store, db: byOne, projections: readModelProjections, batchSize: 1 }).runUntilCaughtUp())).toBe(true)
      expect(E.isRight(await projectionRuntime({ store, db: whole, projections: readModelProjections, batchSize: 1000 }).runUntilCaughtUp())).toBe(true)
      const found = await rows(byOne)
      expect(found).toEqual({
        notes: [
          { grant_id: 'g-1', purpose: 'customer-support', purpose_note: erasedMarker },
          { grant_id: 'g-2', purpose: 'customer-support', purpose_note: 'Jahresabschluss' },
          { grant_id: 'g-3', purpose: 'customer-support', purpose_note: erasedMarker },
          { grant_id: 'g-4', purpose: 'customer-support', purpose_note: 'Neue Reklamation 207' },
        ],
        names: [
          { account_id: company, display_name: 'Muster GmbH', sole_trader: 0 },
          { account_id: soleTrader, display_name: erasedMarker, sole_trader: 1 },
        ],
      })
      expect(await rows(whole)).toEqual(found)
    })

    it('keeps the name of an account opened after an erasure of it was recorded, in whatever batches', async () => {
      // An erasure names a subject, whether or not it exists yet: what the account records later is no part of it.
      const store = inMemoryEventStore()
      const append = appendTo(store)
      const later = 'kunde-later' as AccountId
      await append(subjectStream('account:kunde-later' as SubjectId), [erasure('account:kunde-later')])
      await append(accountStream(later), [newEvent({ type: 'AccountOpened', data: { accountId: later, tenantId: tenant, displayName: 'Bäckerei Neu e.K.', tier: 'standard', openedBy: cast.dora, soleTrader: true } })])
      for (const batchSize of [1, 10]) {
        const db = await dialect.open()
        expect(E.isRight(await projectionRuntime({ store, db, projections: readModelProjections, batchSize }).runUntilCaughtUp())).toBe(true)
        expect((await rows(db)).names).toEqual([{ account_id: later, display_name: 'Bäckerei Neu e.K.', sole_trader: 1 }])
      }
    })

    it('applies an erasure in the transaction that moves the checkpoint: a batch that fails after it leaves both as they were', async () => {
      const store = inMemoryEventStore()
      const append = appendTo(store)
      await append(accountStream(company), [newEvent({ type: 'AccountOpened', data: { accountId: company, tenantId: tenant, displayName: 'Muster GmbH', tier: 'key', openedBy: cast.dora } }), newEvent(grant(company, 'g-1', cast.sven, 'Reklamation 118'))])
      const db = await dialect.open()
      expect(E.isRight(await projectionRuntime({ store, db, projections: [accessProjection] }).runUntilCaughtUp())).toBe(true)
      await append(subjectStream('principal:sven' as SubjectId), [erasure('principal:sven')])
      await append(accountStream(company), [newEvent(grant(company, 'g-2', cast.ada, 'Jahresabschluss'))])
      const note = async () => (await db.selectFrom('access_grants').select('purpose_note').where('grant_id', '=', 'g-1').executeTakeFirstOrThrow()).purpose_note
      const checkpoint = async () => (await db.selectFrom('projection_checkpoints').select('position').where('name', '=', 'access').executeTakeFirstOrThrow()).position

      const crashed = await projectionRuntime({ store, db, projections: [crashingAt(accessProjection, 4n)], batchSize: 10 }).runUntilCaughtUp()
      expect(E.isLeft(crashed)).toBe(true)
      expect([await note(), String(await checkpoint())]).toEqual(['Reklamation 118', '2'])

      expect(E.isRight(await projectionRuntime({ store, db, projections: [accessProjection], batchSize: 10 }).runUntilCaughtUp())).toBe(true)
      expect([await note(), String(await checkpoint())]).toEqual([erasedMarker, '4'])
    })
  })
}
