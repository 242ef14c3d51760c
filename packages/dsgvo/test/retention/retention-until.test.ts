import { defaultRetentionPolicy, retentionUntil } from '@account-ownership/dsgvo'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'

describe('retentionUntil', () => {
  it('takes the archive instant as a plain string: end of its year plus the kind’s years', () => {
    expect(retentionUntil(defaultRetentionPolicy, 'accounting-record', '2026-03-12T09:00:00.000Z')).toEqual(E.right('2037-01-01T00:00:00.000Z'))
    expect(retentionUntil(defaultRetentionPolicy, 'commercial-letter', '2026-12-31T23:59:59.999Z')).toEqual(E.right('2033-01-01T00:00:00.000Z'))
    expect(retentionUntil(defaultRetentionPolicy, 'no-such-kind', '2026-03-12T09:00:00.000Z')).toEqual(E.right(undefined))
  })

  it('answers an instant that is none with an InvalidQueryError naming archivedAt, not a RangeError', () => {
    for (const bad of ['yesterday', '', '2026-13-45T99:00:00Z', null as never]) {
      const until = retentionUntil(defaultRetentionPolicy, 'accounting-record', bad)
      expect(E.isLeft(until) && [until.left._tag, until.left.field]).toEqual(['InvalidQueryError', 'archivedAt'])
    }
  })
})
