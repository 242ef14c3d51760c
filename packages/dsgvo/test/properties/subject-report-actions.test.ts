// Property: the Art. 15 report of a principal lists every event in which the log shows them —
// as actor, as the one on whose behalf the actor acted, in any `*By` field, as successor on an
// offboarding, or as a party of a transfer request. The expectation is read off the events as
// stored (every field whose name ends in `By`, found by name), not through the projection's code.
import { accountStream, inMemoryEventStore, principalStream, subjectStream, type AccountEvent, type NewEvent, type PrincipalId, type RecordedEvent, type SubjectId } from '@account-ownership/core'
import { cast, commandSequenceArbitrary, newEvent, recordedEvents, runCommandSequence } from '@account-ownership/core/testing'
import { auditProjection, encryptingEventStore, subjectReport, type AuditTables } from '@account-ownership/dsgvo'
import { sqliteKeyStore } from '@account-ownership/dsgvo/sqlite'
import { projectionRuntime } from '@account-ownership/projections'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

type Role = readonly [position: bigint, role: string]

const principals = [cast.dora, cast.hanna, cast.felix, cast.sven]
const principal = fc.constantFrom(...principals)

/** Every (principal, position, role) the stored events show, one per event and role. */
const rolesInLog = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<readonly [string, ...Role]> =>
  events.flatMap((event) => {
    const position = event.metadata.globalPosition
    const found: Array<readonly [string, ...Role]> = [[event.metadata.actor.principalId, position, 'actor']]
    if (event.metadata.actor.onBehalfOf !== undefined) found.push([event.metadata.actor.onBehalfOf, position, 'onBehalfOf'])
    for (const [field, value] of Object.entries(event.data as Record<string, unknown>)) {
      const named = field.endsWith('By') || field === 'successorId' || (event.type === 'OwnershipTransferRequested' && (field === 'fromOwnerId' || field === 'toOwnerId'))
      if (named && typeof value === 'string') found.push([value, position, field])
    }
    return found
  })

/** An event with its actor and, where given, on whose behalf they acted. */
const withActor = (event: AccountEvent, at: string, actor: PrincipalId, onBehalfOf: PrincipalId | undefined): NewEvent => {
  const made = newEvent(event, { at: at as never, actor })
  return onBehalfOf === undefined ? made : ({ ...made, metadata: { ...made.metadata, actor: { principalId: actor, onBehalfOf } } } as NewEvent)
}

const byPosition = (roles: ReadonlyArray<Role>) => [...roles].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))

describe('the Art. 15 subject report', () => {
  it('lists every event in which the log shows a principal as actor, on whose behalf, in a *By field, as successor or transfer party', async () => {
    await fc.assert(
      fc.asyncProperty(
        commandSequenceArbitrary({ maxSteps: 30 }),
        fc.array(fc.option(principal, { nil: undefined, freq: 3 }), { minLength: 1, maxLength: 16 }),
        fc.uniqueArray(fc.record({ principalId: principal, successorId: fc.option(principal, { nil: null }), offboardedBy: principal }), { selector: (o) => o.principalId, maxLength: 2 }),
        fc.array(fc.record({ subjectId: fc.constantFrom('stakeholder:contact-1', 'principal:sven'), erasedBy: principal }), { maxLength: 2 }),
        async (sequence, onBehalf, offboardings, erasures) => {
          const run = runCommandSequence(sequence)
          const events = recordedEvents(run)
          const stepOf = new Map(run.flatMap((d) => (E.isRight(d.result) ? d.result.right.map((e) => [e, d.step] as const) : [])))
          const keys = sqliteKeyStore(new Database(':memory:'), { owned: true })
          const store = encryptingEventStore({ store: inMemoryEventStore(), keys })
          const at = sequence.steps[sequence.steps.length - 1]?.at ?? '2026-03-12T09:00:00.000Z'
          if (events.length > 0) {
            const written = events.map((e, i) => withActor(e, stepOf.get(e)!.at, stepOf.get(e)!.actor, onBehalf[i % onBehalf.length]))
            expect(E.isRight(await store.append(accountStream(sequence.accountId), written, { expectedVersion: 'no-stream' }))).toBe(true)
          }
          for (const o of offboardings) {
            const event = { type: 'PrincipalOffboarded', data: { ...o, reason: 'left the company' } } as unknown as AccountEvent
            expect(E.isRight(await store.append(principalStream(o.principalId), [withActor(event, at, o.offboardedBy, undefined)], { expectedVersion: 'no-stream' }))).toBe(true)
          }
          for (const [i, r] of erasures.entries()) {
            const event = { type: 'PersonalDataErased', data: { subjectId: r.subjectId, erasedBy: r.erasedBy, legalGround: 'art17-1-a-no-longer-necessary', keysDestroyed: 0 } } as unknown as AccountEvent
            expect(E.isRight(await store.append(subjectStream(r.subjectId as SubjectId), [withActor(event, at, r.erasedBy, onBehalf[i % onBehalf.length])], { expectedVersion: 'any' }))).toBe(true)
          }
          const db = sqliteReadModels<AuditTables>(new Database(':memory:'))
          expect(E.isRight(await projectionRuntime({ store, db, projections: [auditProjection()] }).runUntilCaughtUp())).toBe(true)

          const stored: RecordedEvent[] = []
          for await (const event of store.readAll()) stored.push(event)
          const inLog = rolesInLog(stored)
          for (const p of new Set([...principals, ...inLog.map((r) => r[0])])) {
            const report = await subjectReport(db, `principal:${p}`)
            if (E.isLeft(report)) throw new Error(report.left.message)
            // Read in pages of ten, the report is the same, each event's roles whole on one page.
            const paged: { accessPeriods: unknown[]; accessGranted: unknown[]; actions: unknown[]; namedIn: unknown[] } = { accessPeriods: [], accessGranted: [], actions: [], namedIn: [] }
            let after: bigint | undefined
            for (;;) {
              const page = await subjectReport(db, `principal:${p}`, { page: { size: 10, ...(after === undefined ? {} : { after }) } })
              if (E.isLeft(page)) throw new Error(page.left.message)
              paged.accessPeriods.push(...page.right.accessPeriods)
              paged.accessGranted.push(...page.right.accessGranted)
              paged.actions.push(...page.right.actions)
              paged.namedIn.push(...page.right.namedIn)
              if (page.right.nextAfter === undefined) break
              expect(page.right.nextAfter > (after ?? 0n)).toBe(true)
              after = page.right.nextAfter
            }
            expect(paged).toEqual({ accessPeriods: report.right.accessPeriods, accessGranted: report.right.accessGranted, actions: report.right.actions, namedIn: report.right.namedIn })
            const reported = [...report.right.actions, ...report.right.namedIn].map((r): Role => [r.source.globalPosition, r.role])
            expect(byPosition(reported)).toEqual(byPosition(inLog.filter((r) => r[0] === p).map(([, ...role]) => role)))
            for (const r of [...report.right.actions, ...report.right.namedIn]) {
              const event = stored.find((e) => e.metadata.globalPosition === r.source.globalPosition)!
              const accountId = (event.data as { readonly accountId?: string }).accountId ?? null
              expect([r.eventType, r.accountId, r.source.streamId, r.source.streamVersion, r.occurredAt]).toEqual([event.type, accountId, event.metadata.streamId, event.metadata.streamVersion, event.metadata.occurredAt])
            }
          }
          await db.destroy()
          await keys.close()
        },
      ),
      { numRuns: 60 },
    )
  })
})
