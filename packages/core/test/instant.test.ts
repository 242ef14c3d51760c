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
