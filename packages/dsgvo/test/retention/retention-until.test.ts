import { defaultRetentionPolicy, retentionUntil, type RetentionPolicy } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

// The default policy without its time zone: years counted in UTC, as every policy did before 0.4.0.
const { timeZone: _, ...inUtc }: RetentionPolicy = defaultRetentionPolicy

describe('retentionUntil', () => {
  it('takes the archive instant as a plain string: end of its year plus the kind’s years', () => {
    expect(retentionUntil(inUtc, 'accounting-record', '2026-03-12T09:00:00.000Z')).toEqual(E.right('2037-01-01T00:00:00.000Z'))
    expect(retentionUntil(inUtc, 'commercial-letter', '2026-12-31T23:59:59.999Z')).toEqual(E.right('2033-01-01T00:00:00.000Z'))
    expect(retentionUntil(inUtc, 'no-such-kind', '2026-03-12T09:00:00.000Z')).toEqual(E.right(undefined))
  })

  it('counts the default policy’s years in Europe/Berlin, where HGB and AO count them', () => {
    expect(defaultRetentionPolicy.timeZone).toBe('Europe/Berlin')
    expect(retentionUntil(defaultRetentionPolicy, 'accounting-record', '2026-03-12T09:00:00.000Z')).toEqual(E.right('2036-12-31T23:00:00.000Z'))
    // 00:59 on 1 January 2027 in Berlin: a year later than in UTC.
    expect(retentionUntil(defaultRetentionPolicy, 'commercial-letter', '2026-12-31T23:59:59.999Z')).toEqual(E.right('2033-12-31T23:00:00.000Z'))
  })

  it('answers an instant that is none with an InvalidQueryError naming archivedAt, not a RangeError', () => {
    for (const bad of ['yesterday', '', '2026-13-45T99:00:00Z', null as never]) {
      const until = retentionUntil(defaultRetentionPolicy, 'accounting-record', bad)
      expect(E.isLeft(until) && [until.left._tag, until.left.field]).toEqual(['InvalidQueryError', 'archivedAt'])
    }
  })

  it('answers years that are no whole number from 0 to 9999 with an InvalidQueryError naming them, not a RangeError or an instant long past', () => {
    // Years as text made the end '+202710-01-01…', which compares as earlier than every instant: due at once.
    for (const years of [NaN, Infinity, 1e6, -3, 2.5, '10', null] as never[]) {
      const policy = { kinds: { letters: { years, legalReference: 'HGB §257' } }, defaultKind: 'letters' }
      const until = retentionUntil(policy, 'letters', '2026-03-12T09:00:00.000Z')
      expect(E.isLeft(until) && [until.left._tag, until.left.field]).toEqual(['InvalidQueryError', 'policy.kinds.letters.years'])
    }
    expect(retentionUntil({ kinds: undefined as never, defaultKind: 'x' }, 'x', '2026-03-12T09:00:00.000Z')).toEqual(E.left(expect.objectContaining({ field: 'policy.kinds' })))
    // A period ending after 9999 is no instant either.
    expect(retentionUntil(defaultRetentionPolicy, 'accounting-record', '9995-03-12T09:00:00.000Z')).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidQueryError', field: 'archivedAt' })))
    expect(retentionUntil(inUtc, 'accounting-record', '9988-03-12T09:00:00.000Z')).toEqual(E.right('9999-01-01T00:00:00.000Z'))
    // The year 10000 begins in Berlin while it is still 9999 in UTC; in UTC it is no instant.
    expect(retentionUntil(defaultRetentionPolicy, 'accounting-record', '9989-03-12T09:00:00.000Z')).toEqual(E.right('9999-12-31T23:00:00.000Z'))
    expect(retentionUntil(inUtc, 'accounting-record', '9989-03-12T09:00:00.000Z')).toEqual(E.left(expect.objectContaining({ _tag: 'InvalidQueryError', field: 'archivedAt' })))
    expect(retentionUntil(defaultRetentionPolicy, 'toString', '2026-03-12T09:00:00.000Z')).toEqual(E.right(undefined))
  })
})
