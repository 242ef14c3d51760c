import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Count, decodeAccountCommand, decodeDomainEvent, FiniteNumber } from '@account-ownership/core'

const classify = (score: unknown) => ({ type: 'ClassifyAccount', data: { accountId: 'kunde-1', tier: 'key', score, criteria: [] } })
const erased = (keysDestroyed: unknown) => ({ type: 'PersonalDataErased', data: { subjectId: 'stakeholder:c-1', erasedBy: 'dora', legalGround: 'art17-1-c-objection', keysDestroyed } })

describe('numbers', () => {
  it('take every finite number but -0 as a score, and refuse NaN, ±Infinity and -0', () => {
    fc.assert(fc.property(fc.double(), (n) => {
        expect(FiniteNumber.is(n)).toBe(Number.isFinite(n) && !Object.is(n, -0))
      }),
    )
    for (const bad of [NaN, Infinity, -Infinity, -0]) {
      expect(E.isLeft(decodeAccountCommand(classify(bad)))).toBe(true)
      expect(decodeDomainEvent()({ type: 'AccountClassified', data: { ...classify(bad).data, classifiedBy: 'dora' } })).toMatchObject({ _tag: 'Left', left: { field: 'data.score' } })
    }
    expect(E.isRight(decodeAccountCommand(classify(2 ** 53)))).toBe(true)
  })

  it('take a count only as a whole number from 0 to 2^53 - 1', () => {
    fc.assert(fc.property(fc.double(), (n) => {
        expect(Count.is(n)).toBe(Number.isSafeInteger(n) && n >= 0 && !Object.is(n, -0))
      }),
    )
    for (const bad of [NaN, Infinity, -1, 1.5, -0, 2 ** 53, '3']) expect(decodeDomainEvent()(erased(bad))).toMatchObject({ _tag: 'Left', left: { field: 'data.keysDestroyed' } })
    expect(E.isRight(decodeDomainEvent()(erased(2 ** 53 - 1)))).toBe(true)
  })

  it('say what kind of number came', () => {
    const decoded = decodeDomainEvent()(erased(NaN))
    expect(E.isLeft(decoded) && decoded.left.message).toBe('expected a whole number from 0 to 2^53 - 1, got NaN')
  })
})
