// The detectors, told as the spec: given decisions in the access log, then the alerts.
import { defaultDetectorSettings, type AccessAlert, type DetectorSettings } from '@account-ownership/access-control'
import { inMemoryEventStore } from '@account-ownership/core'
import { describe, expect, it } from 'vitest'
import { logDecisions, offboard, type Logged } from '../support/logged-decisions.js'
import { scratchFiles } from '../support/scratch-dir.js'
import { detectorDatabase, watch } from '../support/watched-log.js'

const file = scratchFiles('detectors')
let n = 0

// Working hours all week round, so that only the detector under test speaks.
const settings: DetectorSettings = {
  ...defaultDetectorSettings,
  deniedBurst: { threshold: 3, windowMinutes: 10 },
  bulkAccess: { distinctAccounts: 4, windowMinutes: 10 },
  workingHours: { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '23:59' },
}

const alertsAfter = async (decisions: ReadonlyArray<Logged>, options: { readonly settings?: DetectorSettings; readonly offboardings?: ReadonlyArray<readonly [string, string]> } = {}): Promise<ReadonlyArray<AccessAlert>> => {
  const store = inMemoryEventStore()
  for (const [principalId, at] of options.offboardings ?? []) await offboard(store, principalId, at)
  await logDecisions(store, decisions)
  const db = detectorDatabase(file(`detectors-${++n}.db`))
  const raised = await watch(store, db, options.settings ?? settings)
  await db.destroy()
  return raised
}

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 12, 9, 0) + minutes * 60_000).toISOString()
const summary = (a: AccessAlert) => [a.kind, a.principalId, a.count, a.from, a.to]

describe('denied attempts by one principal above a threshold in a window', () => {
  it('then one alert when the third denial falls within ten minutes, none for the fourth, another after a quiet window', async () => {
    const denied = (m: number, principalId = 'mallory'): Logged => ({ at: at(m), principalId, outcome: 'denied' })
    const raised = await alertsAfter([denied(0), denied(1), denied(2), denied(3), denied(2, 'sven'), denied(20), denied(21), denied(22)])
    expect(raised.map(summary)).toEqual([
      ['denied-burst', 'mallory', 3, at(0), at(2)],
      ['denied-burst', 'mallory', 3, at(20), at(22)],
    ])
    expect(raised[0]!.detail).toBe('3 denied attempts by mallory within 10 minutes')
  })

  it('then nothing for denials spread wider than the window, nor for allowed access', async () => {
    expect(await alertsAfter([0, 6, 12, 18].map((m): Logged => ({ at: at(m), principalId: 'mallory', outcome: 'denied' })))).toEqual([])
    expect(await alertsAfter([0, 1, 2, 3].map((m): Logged => ({ at: at(m), principalId: 'hanna' })))).toEqual([])
  })
  it('then, for denials logged late, the same alerts however the log is cut into batches: counted back to twice the longest window before the latest decision', async () => {
    // The windows are ten minutes, so the horizon lies twenty minutes before the latest decision.
    const denied = (m: number): Logged => ({ at: at(m), principalId: 'mallory', outcome: 'denied' })
    const afterSven = (m: number): ReadonlyArray<Logged> => [denied(0), denied(1), { at: at(m), principalId: 'sven' }, denied(2)]
    const store = (decisions: ReadonlyArray<Logged>) => async () => {
      const s = inMemoryEventStore()
      await logDecisions(s, decisions)
      return s
    }
    for (const [late, expected] of [
      [store(afterSven(20)), [['denied-burst', 'mallory', 3, at(0), at(2)]]],
      [store(afterSven(22)), []],
    ] as const) {
      const log = await late()
      for (const batchSize of [1, 2, 500]) {
        const db = detectorDatabase(file(`detectors-${++n}.db`))
        expect((await watch(log, db, settings, { batchSize })).map(summary)).toEqual(expected)
        await db.destroy()
      }
    }
  })
})

describe('access by an offboarded principal', () => {
  it('then an alert for every decision from the offboarding on, allowed or denied, none before', async () => {
    const raised = await alertsAfter(
      [
        { at: at(-1), principalId: 'felix' },
        { at: at(0), principalId: 'felix' },
        { at: at(5), principalId: 'felix', outcome: 'denied' },
      ],
      { offboardings: [['felix', at(0)]] },
    )
    expect(raised.map(summary)).toEqual([
      ['offboarded-access', 'felix', 1, at(0), at(0)],
      ['offboarded-access', 'felix', 1, at(5), at(5)],
    ])
  })

  it('then, when the offboarding is recorded late, for the decisions logged after it — however the log is cut into batches', async () => {
    const store = inMemoryEventStore()
    await logDecisions(store, [{ at: at(10), principalId: 'felix' }])
    await offboard(store, 'felix', at(0))
    await logDecisions(store, [{ at: at(11), principalId: 'felix' }])
    for (const batchSize of [1, 2, 500]) {
      const db = detectorDatabase(file(`detectors-${++n}.db`))
      expect((await watch(store, db, settings, { batchSize })).map(summary)).toEqual([['offboarded-access', 'felix', 1, at(11), at(11)]])
      await db.destroy()
    }
  })
})

describe('access to many distinct accounts in a short window (bulk export)', () => {
  it('then an alert when the fourth distinct account is read within ten minutes; rereading one account is no bulk', async () => {
    const read = (m: number, accountId: string): Logged => ({ at: at(m), principalId: 'sven', accountId })
    expect((await alertsAfter([read(0, 'k1'), read(1, 'k2'), read(2, 'k1'), read(3, 'k3'), read(4, 'k4'), read(5, 'k5')])).map(summary)).toEqual([['bulk-access', 'sven', 5, at(0), at(4)]])
    expect(await alertsAfter([0, 1, 2, 3, 4, 5].map((m) => read(m, 'k1')))).toEqual([])
    expect(await alertsAfter([read(0, 'k1'), read(4, 'k2'), read(8, 'k3'), read(12, 'k4')])).toEqual([])
  })
})

describe('access under a grant close to its expiry', () => {
  it('then one alert per grant within seven days of its expiry, none further away', async () => {
    const raised = await alertsAfter([
      { at: at(0), principalId: 'ada', grant: { grantId: 'g-far', expiresAt: '2026-04-12T09:00:00Z' } },
      { at: at(0), principalId: 'ada', grant: { grantId: 'g-near', expiresAt: '2026-03-19T09:00:00Z' } },
      { at: at(1), principalId: 'ada', grant: { grantId: 'g-near', expiresAt: '2026-03-19T09:00:00Z' } },
    ])
    expect(raised.map((a) => [a.kind, a.grantId, a.to])).toEqual([['near-expiry-access', 'g-near', at(0)]])
  })

  it('then, with a repeat window of one day, again for the same grant a day after the last alert, not before', async () => {
    const near = { grantId: 'g-near', expiresAt: '2026-03-19T09:00:00Z' }
    const uses = [0, 60, 24 * 60 - 1, 24 * 60, 24 * 60 + 5, 2 * 24 * 60 + 30].map((m): Logged => ({ at: at(m), principalId: 'ada', grant: near }))
    const daily = await alertsAfter(uses, { settings: { ...settings, nearExpiry: { withinDays: 7, repeatAfterDays: 1 } } })
    expect(daily.map((a) => [a.kind, a.grantId, a.to])).toEqual([
      ['near-expiry-access', 'g-near', at(0)],
      ['near-expiry-access', 'g-near', at(24 * 60)],
      ['near-expiry-access', 'g-near', at(2 * 24 * 60 + 30)],
    ])
    // Left out, the window is withinDays: once per grant.
    expect((await alertsAfter(uses, { settings: { ...settings, nearExpiry: { withinDays: 7 } } })).map((a) => a.to)).toEqual([at(0)])
  })
})

describe('access outside the working hours', () => {
  it('then an alert for access at night or on a weekend, local time, at most one per principal an hour', async () => {
    const office = { ...settings, workingHours: defaultDetectorSettings.workingHours }
    const raised = await alertsAfter(
      [
        { at: '2026-03-12T06:30:00Z', principalId: 'hanna' }, // Thursday 07:30 in Berlin
        { at: '2026-03-12T18:30:00Z', principalId: 'hanna' }, // 19:30
        { at: '2026-03-12T18:40:00Z', principalId: 'hanna' },
        { at: '2026-03-14T10:00:00Z', principalId: 'hanna' }, // Saturday
        { at: '2026-06-12T05:30:00Z', principalId: 'sven' }, // Friday 07:30 summer time
      ],
      { settings: office },
    )
    expect(raised.map((a) => [a.kind, a.principalId, a.to])).toEqual([
      ['out-of-hours-access', 'hanna', '2026-03-12T18:30:00.000Z'],
      ['out-of-hours-access', 'hanna', '2026-03-14T10:00:00.000Z'],
    ])
  })

  it('then, with a repeat window of fifteen minutes, again fifteen minutes after the last alert; left out, an hour', async () => {
    const night = ['18:30', '18:40', '18:45', '18:59', '19:10', '19:31'].map((time): Logged => ({ at: `2026-03-12T${time}:00Z`, principalId: 'hanna' }))
    const { repeatAfterMinutes: _, ...hours } = defaultDetectorSettings.workingHours
    const quarterly = await alertsAfter(night, { settings: { ...settings, workingHours: { ...hours, repeatAfterMinutes: 15 } } })
    expect(quarterly.map((a) => a.to)).toEqual(['2026-03-12T18:30:00.000Z', '2026-03-12T18:45:00.000Z', '2026-03-12T19:10:00.000Z', '2026-03-12T19:31:00.000Z'])
    const hourly = await alertsAfter(night, { settings: { ...settings, workingHours: hours } })
    expect(hourly.map((a) => a.to)).toEqual(['2026-03-12T18:30:00.000Z', '2026-03-12T19:31:00.000Z'])
  })
})
