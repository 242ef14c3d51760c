// Property: every free text the log holds sealed under an employee's key — a grant's note, a
// rejection's reason, an offboarding's reason — shows in that employee's Art. 15 report, at its
// event and field, as the store reads it now (plain, or `[erased]` after their erasure), and in
// no one else's; read in pages of ten, the same. The expectation is read off the stored log: each
// envelope names the subject whose key sealed it (`pd1~principal:<id>~…`), not the field map.
import { accountStream, inMemoryEventStore, principalStream, type AccountEvent, type NewEvent, type RecordedEvent } from '@account-ownership/core'
import { cast, commandSequenceArbitrary, newEvent, recordedEvents, runCommandSequence, tenant } from '@account-ownership/core/testing'
import { auditProjection, encryptingEventStore, erase, erasedMarker, parseEnvelope, subjectReport, type AuditTables, type HeldPrincipalRecord } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

/** A text at its place: position, field (`criteria[1]` for a list's entry), value. */
type Text = readonly [position: bigint, field: string, value: unknown]

const principals = [cast.dora, cast.hanna, cast.felix, cast.sven]

const all = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = []
  for await (const e of events) out.push(e)
  return out
}

/** The texts of `stored` sealed under `principal:<id>`, with the values as `read` gives them. */
const sealedUnder = (id: string, stored: ReadonlyArray<RecordedEvent>, read: ReadonlyArray<RecordedEvent>): ReadonlyArray<Text> =>
  stored.flatMap((event, i) =>
    Object.entries(event.data as Record<string, unknown>).flatMap(([field, value]) =>
      typeof value === 'string' && parseEnvelope(value)?.subjectId === `principal:${id}` ? [[event.metadata.globalPosition, field, (read[i]!.data as Record<string, unknown>)[field]] as const] : [],
    ),
  )

const textsOf = (records: ReadonlyArray<HeldPrincipalRecord>): ReadonlyArray<Text> => records.flatMap((r) => Object.entries(r.personalData).map(([field, value]) => [r.source.globalPosition, field, value] as const))

describe("the Art. 15 report of an employee's free texts", () => {
  it('shows every text sealed under their key, as read now, and none sealed under another; in pages the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        commandSequenceArbitrary({ maxSteps: 30 }),
        fc.uniqueArray(fc.record({ principalId: fc.constantFrom(...principals), reason: fc.constantFrom('Elternzeit ab Mai', 'Wechsel ins Controlling') }), { selector: (o) => o.principalId, maxLength: 2 }),
        fc.option(fc.constantFrom(...principals), { nil: undefined }),
        async (sequence, offboardings, erased) => {
          const events = recordedEvents(runCommandSequence(sequence))
          const keys = sqliteKeyStore(new Database(':memory:'), { owned: true })
          const plain = inMemoryEventStore()
          const store = encryptingEventStore({ store: plain, keys })
          if (events.length > 0) expect(E.isRight(await store.append(accountStream(sequence.accountId), events.map((e) => newEvent(e)), { expectedVersion: 'no-stream' }))).toBe(true)
          for (const o of offboardings) {
            const event = { type: 'PrincipalOffboarded', data: { principalId: o.principalId, successorId: null, offboardedBy: cast.dora, reason: o.reason } } as unknown as AccountEvent
            expect(E.isRight(await store.append(principalStream(o.principalId), [newEvent(event) as NewEvent], { expectedVersion: 'no-stream' }))).toBe(true)
          }
          // An employee of whom the log holds no text has no key: their erasure is refused, and that is all.
          if (erased !== undefined) await erase({ store, keys }, `principal:${erased}`, { by: cast.dora, legalGround: 'art17-1-a-no-longer-necessary', at: '2026-06-01T00:00:00.000Z' as never, tenantId: tenant })
          const db = sqliteReadModels<AuditTables>(new Database(':memory:'))
          expect(E.isRight(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())).toBe(true)

          const stored = await all(plain.readAll())
          const read = await all(store.readAll())
          for (const p of principals) {
            const report = await subjectReport(db, `principal:${p}`, { store })
            if (E.isLeft(report)) throw new Error(report.left.message)
            const expected = sealedUnder(p, stored, read)
            expect(textsOf(report.right.principalRecords ?? [])).toEqual(expected)
            if (p === erased) expect(expected.every(([, , value]) => value === erasedMarker)).toBe(true)
            const paged: HeldPrincipalRecord[] = []
            let after: bigint | undefined
            for (;;) {
              const page = await subjectReport(db, `principal:${p}`, { store, page: { size: 10, ...(after === undefined ? {} : { after }) } })
              if (E.isLeft(page)) throw new Error(page.left.message)
              paged.push(...(page.right.principalRecords ?? []))
              if (page.right.nextAfter === undefined) break
              after = page.right.nextAfter
            }
            expect(paged).toEqual(report.right.principalRecords)
          }
          await db.destroy()
          await keys.close()
        },
      ),
      { numRuns: 40 },
    )
  })
})
