/**
 * A sole trader's own data in the retention report, one feature suite run on every read-model
 * dialect. A sole trader (Einzelunternehmer) is a natural person: their name and the
 * classification criteria are sealed under `account:<id>`, and once the retention period of
 * their archived account is over that data must be erased (Art. 17(1)(a), Art. 5(1)(e)) — so the
 * report lists the account's own subject as due, as it lists the contact persons it names.
 *
 * The story, written through the encrypting store (so the keys and erasures are real), every
 * account archived on 2026-03-12, whose period ends as 2033 begins in Berlin (23:00 UTC):
 *
 * - Anna (`kunde-anna`), a sole trader, stays archived.
 * - Muster GmbH (`kunde-muster`), a company, classified with criteria, stays archived.
 * - Ben (`kunde-ben`), a sole trader, is restored on 2026-04-01 and stays open.
 * - Eva (`kunde-eva`), a sole trader, is restored on 2026-04-01 and archived again on 2027-02-01.
 * - Clara (`kunde-clara`), a sole trader, is erased on 2026-05-01, after the archive.
 * - Dana (`kunde-dana`), a sole trader, is erased on 2026-02-01 and classified the day after,
 *   her criteria sealed under a new key, before the archive.
 *
 * @module
 */
import { accountStream, type AccountEvent, type AccountId, type EventStore, type Instant, type NewEvent } from '@account-ownership/core'
import { account, cast, newEvent, tenant } from '@account-ownership/core/testing'
import { auditProjection, erase, retentionReport, type AuditTables } from '@account-ownership/dsgvo'
import { projectionRuntime, type Projection } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditDialect } from '../../audit/audit-dialect.js'
import { encryptingInMemory } from '../../personal-data/encrypting-set-up.js'
import { scratchDir } from '../../scratch-dir.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}
const at = (day: string) => `${day}T09:00:00.000Z` as Instant
const [anna, muster, ben, eva, clara, dana] = [account('kunde-anna'), account('kunde-muster'), account('kunde-ben'), account('kunde-eva'), account('kunde-clara'), account('kunde-dana')] as const
const opened = (accountId: AccountId, displayName: string, soleTrader: boolean): AccountEvent =>
  ({ type: 'AccountOpened', data: { accountId, tenantId: tenant, displayName, tier: 'standard', openedBy: cast.dora, ...(soleTrader ? { soleTrader: true } : {}) } }) as AccountEvent
const classified = (accountId: AccountId, criteria: string): AccountEvent => ({ type: 'AccountClassified', data: { accountId, tier: 'standard', score: 40, criteria: [criteria], classifiedBy: cast.hanna } }) as AccountEvent
const archived = (accountId: AccountId): AccountEvent => ({ type: 'AccountArchived', data: { accountId, reason: 'churned', archivedBy: cast.dora } }) as AccountEvent
const restored = (accountId: AccountId): AccountEvent => ({ type: 'AccountRestored', data: { accountId, restoredBy: cast.dora } }) as AccountEvent
const on = (day: string, event: AccountEvent): NewEvent => newEvent(event, { at: at(day) })

// The period of an account archived in 2026 ends as 2033 begins in Berlin; of one archived in 2027, a year later.
const lastMomentKept = '2032-12-31T22:59:59.999Z'
const periodOver = '2032-12-31T23:00:00.000Z'
const secondPeriodOver = '2033-12-31T23:00:00.000Z'

/** The story above, in a log of its own: the encrypting store over an in-memory log, keys in SQLite. */
const writeStory = async (scratch: ReturnType<typeof scratchDir>) => {
  const { store, keys } = encryptingInMemory(scratch)
  const append = async (accountId: AccountId, events: ReadonlyArray<NewEvent>) => right(await store.append(accountStream(accountId), events, { expectedVersion: 'any' }))
  const eraseAccount = async (accountId: AccountId, day: string) =>
    right(await erase({ store, keys }, `account:${accountId}`, { by: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', at: at(day), tenantId: tenant }))
  await append(anna, [on('2026-01-05', opened(anna, 'Anna Schmidt e.K.', true)), on('2026-03-12', archived(anna))])
  await append(muster, [on('2026-01-05', opened(muster, 'Muster GmbH', false)), on('2026-01-06', classified(muster, 'Umsatz 2 Mio')), on('2026-03-12', archived(muster))])
  await append(ben, [on('2026-01-05', opened(ben, 'Ben Weber e.K.', true)), on('2026-03-12', archived(ben)), on('2026-04-01', restored(ben))])
  await append(eva, [on('2026-01-05', opened(eva, 'Eva Roth e.K.', true)), on('2026-03-12', archived(eva)), on('2026-04-01', restored(eva)), on('2027-02-01', archived(eva))])
  await append(clara, [on('2026-01-05', opened(clara, 'Clara Lang e.K.', true)), on('2026-03-12', archived(clara))])
  await eraseAccount(clara, '2026-05-01')
  await append(dana, [on('2026-01-05', opened(dana, 'Dana Beck e.K.', true))])
  await eraseAccount(dana, '2026-02-01')
  await append(dana, [on('2026-02-02', classified(dana, 'Inhaberin geht 2027 in Rente')), on('2026-03-12', archived(dana))])
  return { store, keys }
}

const caughtUp = async (db: Kysely<AuditTables>, store: EventStore, projection: Projection<AuditTables> = auditProjection()) =>
  right(await projectionRuntime({ store, db, projections: [projection] }).runUntilCaughtUp())

export const soleTraderRetentionFeatures = (dialect: AuditDialect) =>
  describe.skipIf(dialect.skip !== undefined)(`a sole trader's own data in the retention report on ${dialect.name}${dialect.skip === undefined ? '' : ` (skipped: ${dialect.skip})`}`, () => {
    const scratch = scratchDir('sole-trader-retention')
    let db: Kysely<AuditTables>
    let close: () => Promise<void>
    beforeAll(async () => {
      const { store, keys } = await writeStory(scratch)
      db = await dialect.open()
      await caughtUp(db, store)
      close = async () => {
        await store.close()
        await keys.close()
      }
    })
    afterAll(async () => {
      await close?.()
      await db?.destroy()
    })

    it("given a sole trader's archived account, when its retention period is over, then the account's own subject is due for erasure — and not a moment before", async () => {
      const after = right(await retentionReport(db, periodOver))
      expect(after.subjectsDueForErasure).toContain('account:kunde-anna')
      expect(after.dueForErasure.find((a) => a.accountId === anna)?.subjects).toEqual(['account:kunde-anna'])
      const before = right(await retentionReport(db, lastMomentKept))
      expect(before.subjectsDueForErasure).toEqual([])
      expect(before.underRetention.find((a) => a.accountId === anna)?.subjects).toEqual(['account:kunde-anna'])
    })

    it("given a company's archived account, classified with criteria, when its period is over, then the account is due but never listed as a subject", async () => {
      const after = right(await retentionReport(db, secondPeriodOver))
      expect(after.dueForErasure.find((a) => a.accountId === muster)?.subjects).toEqual([])
      expect(after.subjectsDueForErasure).not.toContain('account:kunde-muster')
    })

    it('given sole traders whose archive was undone, when the period of that archive is over, then the one still open is not in the report, and the one archived again is due only when its new period is over', async () => {
      const after = right(await retentionReport(db, periodOver))
      expect([...after.dueForErasure, ...after.underRetention, ...after.withoutPeriod].map((a) => a.accountId)).not.toContain(ben)
      expect(after.underRetention.map((a) => [a.accountId, a.retentionUntil, a.subjects])).toEqual([[eva, secondPeriodOver, ['account:kunde-eva']]])
      expect(after.subjectsDueForErasure).not.toContain('account:kunde-ben')
      expect(after.subjectsDueForErasure).not.toContain('account:kunde-eva')
      expect(right(await retentionReport(db, secondPeriodOver)).subjectsDueForErasure).toContain('account:kunde-eva')
    })

    it('given sole traders erased already, when the period is over, then one erased after the last datum the log holds of her is not listed, and one whose criteria were sealed again after her erasure is', async () => {
      const after = right(await retentionReport(db, periodOver))
      expect(after.dueForErasure.map((a) => [a.accountId, a.subjects])).toEqual([
        [anna, ['account:kunde-anna']],
        [clara, []],
        [dana, ['account:kunde-dana']],
        [muster, []],
      ])
      expect(after.subjectsDueForErasure).toEqual(['account:kunde-anna', 'account:kunde-dana'])
    })
  })

export const auditRebuildFeatures = (dialect: AuditDialect) =>
  describe.skipIf(dialect.skip !== undefined)(`an audit read model of the previous version on ${dialect.name}${dialect.skip === undefined ? '' : ` (skipped: ${dialect.skip})`}`, () => {
    const scratch = scratchDir('audit-rebuild')

    it('given a read model version 5 built — no column for sole traders, the checkpoint past the opening —, when the current version runs, then it rebuilds from zero and the sole trader is due when the period is over', async () => {
      const { store, keys } = encryptingInMemory(scratch)
      const db = await dialect.open()
      try {
        right(await store.append(accountStream(anna), [on('2026-01-05', opened(anna, 'Anna Schmidt e.K.', true))], { expectedVersion: 'no-stream' }))
        // What version 5 left: the same tables without the columns added since, its checkpoint at 5.
        const current = auditProjection()
        await caughtUp(db, store, { ...current, version: 5 })
        for (const column of ['sole_trader', 'own_data_position']) await db.schema.alterTable('dsgvo_accounts').dropColumn(column).execute()
        right(await store.append(accountStream(anna), [on('2026-03-12', archived(anna))], { expectedVersion: 0n }))

        await caughtUp(db, store)
        const checkpoint = await (db as Kysely<any>).selectFrom('projection_checkpoints').select('version').where('name', '=', current.name).executeTakeFirst()
        expect(checkpoint).toEqual({ version: current.version })
        expect(current.version).toBe(6)
        const after = right(await retentionReport(db, periodOver))
        expect([after.dueForErasure.map((a) => a.accountId), after.subjectsDueForErasure]).toEqual([[anna], ['account:kunde-anna']])
      } finally {
        await store.close()
        await keys.close()
        await db.destroy()
      }
    })
  })
