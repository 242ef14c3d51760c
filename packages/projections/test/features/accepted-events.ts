// No event an append accepts can stop a projection (issue 9, item 7): generated events of every
// type, with ids of 128 characters, text of every Unicode plane up to its limit and edge numbers,
// appended straight to the log in any order, are all applied by every read model.
import { inMemoryEventStore } from '@account-ownership/core'
import { acceptedAppendArbitrary, withUniqueEventIds } from '@account-ownership/core/testing'
import { projectionRuntime, readModelProjections } from '@account-ownership/projections'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { TestDialect } from '../support/test-dialect.js'

export const acceptedEventFeatures = (dialect: TestDialect, options: { readonly runs: number }): void => {
  describe(`accepted events (${dialect.name})`, () => {
    it('no accepted event stops a read model', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(acceptedAppendArbitrary, { minLength: 1, maxLength: 12 }), async (appends) => {
          const store = inMemoryEventStore()
          let accepted = 0
          for (const [i, { streamId, events }] of appends.entries()) {
            const unique = withUniqueEventIds(events, String(i))
            const appended = await store.append(streamId, unique, { expectedVersion: 'any' })
            if (E.isRight(appended)) accepted += unique.length
          }
          const db = await dialect.open()
          try {
            const outcome = await projectionRuntime({ store, db, projections: readModelProjections, batchSize: 5 }).runUntilCaughtUp()
            expect(outcome).toEqual(E.right(expect.anything()))
            expect(await store.headPosition()).toEqual(E.right(BigInt(accepted)))
          } finally {
            await db.destroy()
          }
        }),
        { numRuns: options.runs },
      )
    }, 180_000)
  })
}
