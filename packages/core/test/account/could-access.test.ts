// The parts of an entitlement outside an account's archives, checked instant by instant against
// the definition: an instant is in a part exactly when the entitlement holds and no archive does.
import { accessibleParts, plusMillis, spanHolds, type Instant, type Span } from '@account-ownership/core'
import { epoch } from '@account-ownership/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const at = (minute: number): Instant => plusMillis(epoch, minute * 60_000)
const span = (from: number, to: number | null): Span => ({ from: at(from), to: to === null ? null : at(to) })

// Spans over minutes 0..40; archives of one account follow each other without overlap.
const entitlementArbitrary = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null })).map(([from, length]) => span(from, length === null ? null : from + length))
const archivesArbitrary = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 8 })), { maxLength: 5 }).chain((gaps) =>
  fc.boolean().map((lastOpen) => {
    let cursor = 0
    return gaps.map(([gap, length], i) => {
      const from = cursor + gap
      cursor = from + length
      return span(from, lastOpen && i === gaps.length - 1 ? null : cursor)
    })
  }),
)

describe('could access: the parts of an entitlement outside archives', () => {
  it('holds at an instant exactly when the entitlement does and no archive does, in disjoint parts of positive length, in order', () => {
    fc.assert(
      fc.property(entitlementArbitrary, archivesArbitrary, fc.boolean(), (entitlement, archives, shuffled) => {
        const given = shuffled ? [...archives].reverse() : archives
        const parts = accessibleParts(entitlement, given)
        for (let minute = -1; minute <= 80; minute++) {
          const t = at(minute)
          const expected = spanHolds(entitlement, t) && !given.some((a) => spanHolds(a, t))
          expect(parts.filter((p) => spanHolds(p, t)).length, `minute ${minute}`).toBe(expected ? 1 : 0)
        }
        parts.forEach((p, i) => {
          expect(p.to === null || p.from < p.to).toBe(true)
          if (i > 0) expect(parts[i - 1]!.to !== null && parts[i - 1]!.to! < p.from).toBe(true)
          // A part cut short by an archive ends where that archive begins.
          if (p.suspendedBy !== null) expect(given[p.suspendedBy]!.from).toBe(p.to)
          else expect(p.to).toBe(entitlement.to)
        })
      }),
    )
  })

  it('given an ownership from January with an archive from March to May, when read, then it gave access before March and from May', () => {
    expect(accessibleParts(span(0, null), [span(10, 20)])).toEqual([
      { from: at(0), to: at(10), suspendedBy: 0 },
      { from: at(20), to: null, suspendedBy: null },
    ])
  })

  it('given a grant revoked where it began, when read, then it gave no access at all', () => {
    expect(accessibleParts(span(5, 5), [])).toEqual([])
  })

  it('given an archive restored at the instant it was made, when read, then nothing was suspended', () => {
    expect(accessibleParts(span(0, 30), [span(10, 10)])).toEqual([{ from: at(0), to: at(30), suspendedBy: null }])
  })

  it('given an archive still running, when read, then nothing after it gave access', () => {
    expect(accessibleParts(span(0, null), [span(10, null)])).toEqual([{ from: at(0), to: at(10), suspendedBy: 0 }])
  })
})
