import { globalPositionOf, maxOffset, readStartOf } from '@account-ownership/store-eventstoredb'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// Offsets of events in a server's log: increasing, with gaps of at least one record's size.
const offsets = fc
  .array(fc.bigInt({ min: 40n, max: 1n << 20n }), { minLength: 1, maxLength: 50 })
  .chain((gaps) => fc.bigInt({ min: 0n, max: 1n << 40n }).map((start) => gaps.reduce<bigint[]>((acc, g) => [...acc, (acc[acc.length - 1] ?? start) + g], [])))

const at = (offset: bigint) => ({ commit: offset, prepare: offset })

describe('global positions from log offsets', () => {
  it('keep the order of the log, strictly, and fit a signed 64-bit column', () => {
    fc.assert(
      fc.property(offsets, (log) => {
        const positions = log.map((o) => globalPositionOf(at(o)) as bigint)
        positions.forEach((p, i) => {
          expect(typeof p).toBe('bigint')
          if (i > 0) expect(p).toBeGreaterThan(positions[i - 1]!)
          expect(p).toBeLessThan(1n << 63n)
        })
      }),
    )
  })

  it('start a read at a record of the log from an event\'s own position and from one past it (a checkpoint)', () => {
    fc.assert(
      fc.property(offsets, fc.nat(), (log, pick) => {
        const offset = log[pick % log.length]!
        const position = globalPositionOf(at(offset)) as bigint
        for (const from of [position, position + 1n]) expect(readStartOf(from)).toEqual(offset === 0n ? 'start' : at(offset))
      }),
    )
  })

  it('start the default read (position 1) and position 0 at the start of the log', () => {
    expect(readStartOf(0n)).toBe('start')
    expect(readStartOf(1n)).toBe('start')
  })

  it.each<[string, Parameters<typeof globalPositionOf>[0], RegExp]>([
    ['no position (a server before 22.6 on a stream read)', undefined, /no log position/],
    ['a position from an explicit transaction', { commit: 900n, prepare: 850n }, /explicit transaction/],
    ['the "no position" marker 2^64 - 1', at((1n << 64n) - 1n), /out of range/],
    ['an offset past the largest that fits', at(maxOffset + 1n), /out of range/],
  ])('refuses %s with a reason', (_what, position, reason) => {
    expect(globalPositionOf(position)).toMatch(reason)
  })

  it('takes the largest offset that fits', () => {
    expect(globalPositionOf(at(maxOffset))).toBe((1n << 63n) - 2n)
  })
})
