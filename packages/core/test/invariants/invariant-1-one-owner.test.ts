import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ownerOf } from '@account-ownership/core'
import { commandSequenceArbitrary } from '@account-ownership/core/testing'
import { numRuns, walk } from './walk.js'

describe('invariant 1: an open account has exactly one owner, or is explicitly orphaned; never two', () => {
  it('invariant 1: no decision ever leaves the account with two owners', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, after }) => {
          expect(after.owners.size, `owners after ${step.command.type}: ${[...after.owners].join(', ')}`).toBeLessThanOrEqual(1)
        }),
      ),
      { numRuns },
    )
  })

  it('invariant 1: once owned, an account has one owner or is orphaned, and the owner changes only from the current one', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ events, before, after }) => {
          for (const e of events) {
            if (e.type === 'OwnershipTransferred') expect([...before.owners]).toContain(e.data.fromOwnerId)
            if (e.type === 'AccountOrphaned') expect([...before.owners]).toContain(e.data.previousOwnerId)
            if (e.type === 'OwnershipAssigned') expect(before.owners.size).toBe(0)
          }
          if (after.everOwned) expect(after.owners.size === 1 !== after.orphaned).toBe(true)
        }),
      ),
      { numRuns },
    )
  })

  it("invariant 1: the owner the state reports is the one the events name", () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ after, stateAfter }) => {
          expect(ownerOf(stateAfter)).toBe([...after.owners][0] ?? null)
        }),
      ),
      { numRuns },
    )
  })
})
