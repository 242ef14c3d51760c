// The alerts do not depend on how the runtime cuts the log into batches, nor on whether they were
// raised incrementally or rebuilt from zero: the same log, the same alerts.
import { inMemoryEventStore } from '@account-ownership/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { logDecisions, offboard, type Logged } from '../support/logged-decisions.js'
import { scratchFiles } from '../support/scratch-dir.js'
import { detectorDatabase, watch } from '../support/watched-log.js'

const file = scratchFiles('batches')
let n = 0

const decision: fc.Arbitrary<Logged> = fc.record({
  // Mostly forward in time, now and then a little late, around a working day's edge in Berlin.
  at: fc.integer({ min: 0, max: 14 * 60 }).map((m) => new Date(Date.UTC(2026, 2, 12, 12, 0) + m * 60_000).toISOString()),
  principalId: fc.constantFrom('sven', 'felix', 'mallory'),
  accountId: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'),
  outcome: fc.constantFrom('allowed' as const, 'denied' as const),
  grant: fc.option(fc.record({ grantId: fc.constantFrom('g-1', 'g-2'), expiresAt: fc.constantFrom('2026-03-14T00:00:00Z', '2026-05-01T00:00:00Z') }), { nil: undefined }),
}).map(({ grant, ...d }): Logged => (grant === undefined ? d : { ...d, grant }))

describe('the detectors over one log', () => {
  it('raise the same alerts in batches of any size as rebuilt from zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(decision, { minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 7 }), async (decisions, cut, batchSize) => {
        const store = inMemoryEventStore()
        const at = cut % decisions.length
        await logDecisions(store, decisions.slice(0, at))
        await offboard(store, 'felix', decisions[at]!.at)
        await logDecisions(store, decisions.slice(at))
        const settings = { deniedBurst: { threshold: 3, windowMinutes: 30 }, bulkAccess: { distinctAccounts: 3, windowMinutes: 60 }, nearExpiry: { withinDays: 7 }, workingHours: { timeZone: 'Europe/Berlin', days: ['thu'], from: '08:00', to: '18:00' } } as const
        const small = detectorDatabase(file(`small-${++n}.db`))
        const whole = detectorDatabase(file(`whole-${n}.db`))
        const inBatches = await watch(store, small, settings, { batchSize })
        expect(await watch(store, whole, settings, { batchSize: 1000 })).toEqual(inBatches)
        await small.destroy()
        await whole.destroy()
      }),
      { numRuns: 100 },
    )
  })
})
