// No event an append accepts can stop the audit projection (issue 9, item 7): generated events of
// every type — ids of 128 characters, text of every Unicode plane up to its limit, edge numbers —
// appended in any order, are all applied.
import { inMemoryEventStore } from '@account-ownership/core'
import { acceptedAppendArbitrary, withUniqueEventIds } from '@account-ownership/core/testing'
import { auditProjection } from '@account-ownership/dsgvo'
import { projectionRuntime } from '@account-ownership/projections'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { AuditDialect } from '../audit-dialect.js'

export const auditAcceptedEventFeatures = (dialect: AuditDialect, options: { readonly runs: number }) =>
  describe.skipIf(dialect.skip !== undefined)(`accepted events in the audit read model on ${dialect.name}`, () => {
    it('no accepted event stops the audit projection', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(acceptedAppendArbitrary, { minLength: 1, maxLength: 12 }), async (appends) => {
          const store = inMemoryEventStore()
          for (const [i, { streamId, events }] of appends.entries()) {
            const unique = withUniqueEventIds(events, String(i))
            await store.append(streamId, unique, { expectedVersion: 'any' })
          }
          const db = await dialect.open()
          try {
            expect(await projectionRuntime({ store, db, projections: [auditProjection()], batchSize: 5 }).runUntilCaughtUp()).toEqual(E.right(expect.anything()))
          } finally {
            await db.destroy()
          }
        }),
        { numRuns: options.runs },
      )
    }, 180_000)
  })
