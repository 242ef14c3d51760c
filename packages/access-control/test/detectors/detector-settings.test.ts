// Thresholds are configuration: bad configuration is refused by field, as are bad alert queries.
import { alerts, defaultDetectorSettings, detectorSettingsOf, withinWorkingHours } from '@account-ownership/access-control'
import { inMemoryEventStore, type Instant } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { scratchFiles } from '../support/scratch-dir.js'
import { detectorDatabase, watch } from '../support/watched-log.js'

const file = scratchFiles('settings')

describe('detector settings', () => {
  it('the defaults decode as they are', () => {
    expect(detectorSettingsOf(defaultDetectorSettings)).toEqual(E.right(defaultDetectorSettings))
  })

  it.each([
    ['deniedBurst.threshold', { deniedBurst: { threshold: 0, windowMinutes: 10 } }],
    ['deniedBurst.windowMinutes', { deniedBurst: { threshold: 5, windowMinutes: 1.5 } }],
    ['bulkAccess.distinctAccounts', { bulkAccess: { distinctAccounts: '20', windowMinutes: 10 } }],
    ['nearExpiry.withinDays', { nearExpiry: { withinDays: -1 } }],
    ['workingHours.timeZone', { workingHours: { ...defaultDetectorSettings.workingHours, timeZone: 'Mars/Olympus' } }],
    ['workingHours.from', { workingHours: { ...defaultDetectorSettings.workingHours, from: '7:00' } }],
    ['workingHours.days[1]', { workingHours: { ...defaultDetectorSettings.workingHours, days: ['mon', 'Tuesday'] } }],
    ['workingHours.repeatAfterMinutes', { workingHours: { ...defaultDetectorSettings.workingHours, repeatAfterMinutes: 7 * 24 * 60 + 1 } }],
    ['workingHours.repeatAfterMinutes', { workingHours: { ...defaultDetectorSettings.workingHours, repeatAfterMinutes: '60' } }],
    ['nearExpiry.repeatAfterDays', { nearExpiry: { withinDays: 7, repeatAfterDays: 0 } }],
    ['nearExpiry.repeatAfterDays', { nearExpiry: { withinDays: 7, repeatAfterDays: 0.5 } }],
  ])('a bad %s is an InvalidDetectorSettingsError naming it', (field, change) => {
    const decoded = detectorSettingsOf({ ...defaultDetectorSettings, ...change })
    expect(E.isLeft(decoded) && decoded.left).toMatchObject({ _tag: 'InvalidDetectorSettingsError', field })
  })

  it('the repeat windows may be left out: they have defaults', () => {
    const { repeatAfterMinutes: _, ...hours } = defaultDetectorSettings.workingHours
    const settings = { ...defaultDetectorSettings, nearExpiry: { withinDays: 7 }, workingHours: hours }
    expect(detectorSettingsOf(settings)).toEqual(E.right(settings))
  })

  it('working hours are local time, summer time included', () => {
    const hours = defaultDetectorSettings.workingHours
    expect(withinWorkingHours('2026-03-12T05:59:59.999Z' as Instant, hours)).toBe(false) // 06:59 CET
    expect(withinWorkingHours('2026-03-12T06:00:00.000Z' as Instant, hours)).toBe(true) // 07:00 CET
    expect(withinWorkingHours('2026-07-10T05:00:00.000Z' as Instant, hours)).toBe(true) // 07:00 CEST, a Friday
    expect(withinWorkingHours('2026-07-10T17:00:00.000Z' as Instant, hours)).toBe(false) // 19:00 CEST
    expect(withinWorkingHours('2026-07-11T10:00:00.000Z' as Instant, hours)).toBe(false) // Saturday
  })
})

describe('alert queries', () => {
  it.each([
    ['from', { from: 'yesterday', to: '2026-03-13T00:00:00Z' }],
    ['to', { from: '2026-03-12T00:00:00Z', to: '' }],
    ['kind', { from: '2026-03-12T00:00:00Z', to: '2026-03-13T00:00:00Z', kind: 'strange' }],
    ['principalId', { from: '2026-03-12T00:00:00Z', to: '2026-03-13T00:00:00Z', principalId: 'a b' }],
  ])('refuse a bad %s by name', async (field, filter) => {
    const db = detectorDatabase(file(`q-${field}.db`))
    await watch(inMemoryEventStore(), db)
    const answered = await alerts(db, filter as never)
    expect(E.isLeft(answered) && answered.left).toMatchObject({ _tag: 'InvalidQueryError', field })
    await db.destroy()
  })
})
