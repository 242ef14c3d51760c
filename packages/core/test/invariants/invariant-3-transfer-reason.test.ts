import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { knownReasonCodes } from '@account-ownership/core'
import { commandSequenceArbitrary } from '@account-ownership/core/testing'
import { numRuns, walk } from './walk.js'

describe('invariant 3: a transfer names a reason code from a known set; the new owner differs from the current one', () => {
  it('invariant 3: every recorded transfer and transfer request names a known reason code and a new owner', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ events, before }) => {
          for (const e of events) {
            if (e.type !== 'OwnershipTransferred' && e.type !== 'OwnershipTransferRequested') continue
            expect(knownReasonCodes(sequence.policy)).toContain(e.data.reasonCode)
            expect(e.data.toOwnerId).not.toBe(e.data.fromOwnerId)
            expect([...before.owners]).not.toContain(e.data.toOwnerId)
          }
        }),
      ),
      { numRuns },
    )
  })

  it('invariant 3: a TransferOwnership naming an unknown reason code or the current owner is refused', () => {
    let checked = 0
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, result, before }) => {
          const c = step.command
          if (c.type !== 'TransferOwnership') return
          if (knownReasonCodes(sequence.policy).includes(c.data.reasonCode) && !before.owners.has(c.data.toOwnerId)) return
          checked++
          expect(E.isLeft(result)).toBe(true)
        }),
      ),
      { numRuns },
    )
    expect(checked).toBeGreaterThan(50)
  })
})
