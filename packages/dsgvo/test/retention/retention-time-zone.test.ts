// Given a retention policy that names the time zone the business keeps its books in, when an
// account is archived, then its calendar year is the year on the calendar there (HGB §257(5),
// AO §147(4)) — not in UTC — and the period ends at the first instant of 1 January there.
import { auditProjection, defaultRetentionPolicy, retentionUntil, type RetentionPolicy } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

const inZone = (timeZone: string): RetentionPolicy => ({ ...defaultRetentionPolicy, timeZone })
const berlin = inZone('Europe/Berlin')
const auckland = inZone('Pacific/Auckland')
const newYork = inZone('America/New_York')
// commercial-letter: six years; accounting-record: ten.

describe('given a policy in Europe/Berlin', () => {
  it('when an account is archived at 00:30 on New Year’s Day in Berlin (23:30 UTC the day before), then the year is the new one, and the period ends at midnight Berlin', () => {
    // 2027-01-01 00:30 CET: the period starts at the end of 2027 and ends as 2034 begins in Berlin.
    expect(retentionUntil(berlin, 'commercial-letter', '2026-12-31T23:30:00.000Z')).toEqual(E.right('2033-12-31T23:00:00.000Z'))
    expect(retentionUntil(berlin, 'commercial-letter', '2026-12-31T23:00:00.000Z')).toEqual(E.right('2033-12-31T23:00:00.000Z'))
  })

  it('when an account is archived in the last millisecond of the year in Berlin, then the year is the old one, and the period ends at midnight Berlin, 23:00 UTC', () => {
    expect(retentionUntil(berlin, 'commercial-letter', '2026-12-31T22:59:59.999Z')).toEqual(E.right('2032-12-31T23:00:00.000Z'))
    expect(retentionUntil(berlin, 'commercial-letter', '2026-12-31T22:59:59.999+00:00')).toEqual(E.right('2032-12-31T23:00:00.000Z'))
  })

  it('when an account is archived in summer time (CEST, UTC+2), then the period still ends at midnight of winter time, UTC+1', () => {
    // 2026-07-16 00:30 CEST is still 2026; 1 January 2037 in Berlin is CET.
    expect(retentionUntil(berlin, 'accounting-record', '2026-07-15T22:30:00.000Z')).toEqual(E.right('2036-12-31T23:00:00.000Z'))
    // Just after the spring switch (29 March 2026, 02:00 CET → 03:00 CEST).
    expect(retentionUntil(berlin, 'accounting-record', '2026-03-29T01:30:00.000Z')).toEqual(E.right('2036-12-31T23:00:00.000Z'))
  })
})

describe('given a policy in a zone ahead of UTC with summer time on New Year’s Day (Pacific/Auckland, NZDT = UTC+13)', () => {
  it('when an account is archived at 00:30 on New Year’s Day there (11:30 UTC the day before), then the year is the new one', () => {
    expect(retentionUntil(auckland, 'commercial-letter', '2026-12-31T11:30:00.000Z')).toEqual(E.right('2033-12-31T11:00:00.000Z'))
  })

  it('when an account is archived in the last millisecond of the year there, then the year is the old one', () => {
    expect(retentionUntil(auckland, 'commercial-letter', '2026-12-31T10:59:59.999Z')).toEqual(E.right('2032-12-31T11:00:00.000Z'))
  })
})

describe('given a policy in a zone behind UTC (America/New_York)', () => {
  it('when an account is archived on New Year’s Eve evening there (after midnight UTC), then the year is the old one, and the period ends at midnight there', () => {
    expect(retentionUntil(newYork, 'commercial-letter', '2027-01-01T04:30:00.000Z')).toEqual(E.right('2033-01-01T05:00:00.000Z'))
  })
})

describe('given a policy in a zone whose clocks jumped over midnight on New Year’s Day (Africa/Bissau, 1975: UTC−1 → UTC)', () => {
  it('when the period ends in that year, then it ends at the jump — the first instant of the year there, there being no midnight', () => {
    expect(retentionUntil(inZone('Africa/Bissau'), 'commercial-letter', '1968-06-01T12:00:00.000Z')).toEqual(E.right('1975-01-01T01:00:00.000Z'))
  })
})

describe('given a policy without a time zone', () => {
  it('when an account is archived in the first hour of New Year’s Day in Berlin, then the years are counted in UTC, as before 0.4.0', () => {
    const { timeZone: _, ...inUtc }: RetentionPolicy = defaultRetentionPolicy
    expect(retentionUntil(inUtc, 'commercial-letter', '2026-12-31T23:30:00.000Z')).toEqual(E.right('2033-01-01T00:00:00.000Z'))
    expect(retentionUntil(inZone('UTC'), 'commercial-letter', '2026-12-31T23:30:00.000Z')).toEqual(E.right('2033-01-01T00:00:00.000Z'))
  })
})

describe('given a policy naming a time zone the runtime does not know', () => {
  it('when a period is asked for, then the answer is an InvalidQueryError naming policy.timeZone — also for a kind the policy does not know', () => {
    for (const timeZone of ['Europe/Atlantis', 'Mars/Olympus_Mons', '', 'Europe/Berlin ', 'CEST', '+01:00', '-05:00', 42, null] as never[]) {
      for (const kind of ['commercial-letter', 'no-such-kind']) {
        const until = retentionUntil(inZone(timeZone), kind, '2026-03-12T09:00:00.000Z')
        expect(E.isLeft(until) && [until.left._tag, until.left.field]).toEqual(['InvalidQueryError', 'policy.timeZone'])
      }
    }
  })

  it('when a period is asked for, then the message names the field and the zone given', () => {
    expect(retentionUntil(inZone('Europe/Atlantis'), 'commercial-letter', '2026-03-12T09:00:00.000Z')).toEqual(
      E.left({ _tag: 'InvalidQueryError', field: 'policy.timeZone', message: 'policy.timeZone: expected an IANA time zone name the runtime knows, such as Europe/Berlin, not "Europe/Atlantis"' }),
    )
  })

  it('when the archive instant is no instant either, then the instant is named first, as before', () => {
    expect(retentionUntil(inZone('Europe/Atlantis'), 'commercial-letter', 'yesterday')).toEqual(E.left(expect.objectContaining({ field: 'archivedAt' })))
  })
})

describe('given the audit projection', () => {
  it('when it is handed a policy in a time zone the runtime does not know, then it refuses it at once, naming the field — not every archived account filed as without a period', () => {
    expect(() => auditProjection({ retention: inZone('Europe/Atlantis') })).toThrow(expect.objectContaining({ _tag: 'InvalidQueryError', field: 'policy.timeZone' }))
    expect(() => auditProjection({ retention: { ...defaultRetentionPolicy, kinds: { ...defaultRetentionPolicy.kinds, 'accounting-record': { years: 10.5, legalReference: 'HGB §257' } } } })).toThrow(expect.objectContaining({ field: 'policy.kinds.accounting-record.years' }))
    // Version 5 recomputed the stored dates; every later version rebuilds them too.
    expect(auditProjection({ retention: berlin }).version).toBeGreaterThanOrEqual(5)
  })
})
