// Property: for any archive instant, any time zone the runtime knows and whole years from 0 to 50,
// the period ends at the first instant of a year in that zone — the year after the archive's
// year there plus the years — and after the archive instant. The zone's calendar is read here
// only through `Intl` year by year, not through the offsets the implementation searches.
import { defaultRetentionPolicy, retentionUntil } from '@account-ownership/dsgvo'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const formats = new Map<string, Intl.DateTimeFormat>()
// The Gregorian year (1 BC = 0) of `epochMillis` on the calendar of `timeZone`.
const yearIn = (timeZone: string, epochMillis: number): number => {
  const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-US', { timeZone, calendar: 'gregory', era: 'short', year: 'numeric' })
  formats.set(timeZone, format)
  const parts = format.formatToParts(epochMillis)
  const year = Number(parts.find((p) => p.type === 'year')?.value)
  return parts.find((p) => p.type === 'era')?.value === 'BC' ? 1 - year : year
}

const zones = ['Europe/Berlin', 'Pacific/Auckland', 'America/New_York', 'Pacific/Apia', 'Pacific/Kiritimati', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', ...Intl.supportedValuesOf('timeZone')]
const instants = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
// Most runs near today and near New Year's Eve, where the zones' rules and the edges are.
const nearNewYear = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: -36 * 3_600_000, max: 36 * 3_600_000 })).map(([year, off]) => new Date(Date.UTC(year, 0, 1) + off))

describe('retentionUntil in a time zone', () => {
  it('ends at the first instant of the year after the archive’s year there plus the years, after the archive instant', () => {
    fc.assert(
      fc.property(fc.oneof(instants, nearNewYear, nearNewYear), fc.constantFrom(...zones), fc.integer({ min: 0, max: 50 }), (archived, timeZone, years) => {
        const archivedAt = archived.toISOString()
        const until = retentionUntil({ ...defaultRetentionPolicy, kinds: { records: { years, legalReference: 'HGB §257' } }, timeZone }, 'records', archivedAt)
        const endYear = yearIn(timeZone, archived.getTime()) + 1 + years
        if (E.isLeft(until)) {
          // Only a period ending past what an instant can spell is refused.
          expect([until.left.field, endYear >= 10_000]).toEqual(['archivedAt', true])
          return
        }
        const end = Date.parse(until.right!)
        expect(end).toBeGreaterThan(archived.getTime())
        expect([yearIn(timeZone, end), yearIn(timeZone, end - 1)]).toEqual([endYear, endYear - 1])
      }),
      { numRuns: 2_000 },
    )
  })
})
