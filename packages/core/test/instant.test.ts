import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Instant } from '@account-ownership/core'

describe('Instant', () => {
  it.each([
    ['2026-03-12T10:00:00+01:00', '2026-03-12T09:00:00.000Z'],
    ['2026-03-12T09:00Z', '2026-03-12T09:00:00.000Z'],
    ['2024-02-29T09:00:00.5Z', '2024-02-29T09:00:00.500Z'],
    ['2026-03-12T24:00Z', '2026-03-13T00:00:00.000Z'],
  ])('decodes %s to the UTC instant %s', (input, expected) => expect(Instant.decode(input)).toEqual(E.right(expected)))

  it.each(['2026-02-29T09:00Z', '2026-04-31T09:00Z', '2026-02-30T09:00Z', '2026-13-01T09:00Z', '2026-03-12T25:00Z', '9999-12-31T23:00-02:00', '2026-03-12T09:00:00', '2026-03-12'])(
    'refuses %s',
    (input) => expect(E.isLeft(Instant.decode(input))).toBe(true),
  )
})

// What `Instant.is` answered while it parsed each candidate into a Date and printed it again:
// the spelling `toISOString` gives of a real moment, and nothing else.
const roundTrips = (u: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(u)) return false
  const ms = Date.parse(u)
  return !Number.isNaN(ms) && new Date(ms).toISOString() === u
}

describe('Instant.is', () => {
  // Near misses: each character of an instant's spelling, now and then swapped for a digit, a
  // separator or something else, with the fields' edges (month 00/13, day 00/29–32, hour 24,
  // second 60, leap and non-leap years, year 0000 and 9999) likely.
  const pick = (xs: ReadonlyArray<string>) => fc.constantFrom(...xs)
  const nearInstant = fc
    .tuple(
      pick(['0000', '0001', '1900', '2000', '2024', '2026', '2100', '9999', '0400']),
      pick(['00', '01', '02', '04', '06', '09', '11', '12', '13', '99']),
      pick(['00', '01', '28', '29', '30', '31', '32', '99']),
      pick(['00', '09', '23', '24', '99']),
      pick(['00', '59', '60']),
      pick(['00', '59', '60', '61']),
      pick(['000', '500', '999']),
    )
    .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`)
  const mutated = fc
    .tuple(nearInstant, fc.nat(30), fc.constantFrom('0', '9', '-', ':', '.', 'T', 'Z', ' ', 'a', '٣', '+', ''))
    .map(([s, at, c]) => (at < s.length ? s.slice(0, at) + c + s.slice(at + 1) : s + c))

  it('gives the answer of a round trip through Date for every near miss', () => {
    fc.assert(
      fc.property(fc.oneof(nearInstant, mutated), (s) => {
        expect(Instant.is(s)).toBe(roundTrips(s))
      }),
      { numRuns: 20_000 },
    )
  })

  it('gives the answer of a round trip through Date for any moment and any string', () => {
    const moment = fc.date({ noInvalidDate: true, min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z') })
    fc.assert(
      fc.property(moment, (d) => {
        expect(Instant.is(d.toISOString())).toBe(true)
      }),
    )
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(Instant.is(s)).toBe(roundTrips(s))
      }),
    )
  })

  it('refuses what is not a string', () => {
    for (const u of [null, undefined, 0, new Date(0), { length: 24 }]) expect(Instant.is(u)).toBe(false)
  })
})
