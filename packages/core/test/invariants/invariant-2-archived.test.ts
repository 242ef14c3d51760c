import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commandSequenceArbitrary } from '@account-ownership/core/testing'
import { numRuns, walk } from './walk.js'

describe('invariant 2: an archived account rejects every command but restore (and the offboarding handover)', () => {
  it('invariant 2: every command but RestoreAccount and HandOverAccount on an archived account is refused and records nothing', () => {
    let checked = 0
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, result, before }) => {
          if (!before.archived || step.command.type === 'RestoreAccount' || step.command.type === 'HandOverAccount') return
          checked++
          expect(E.isLeft(result), `${step.command.type} on an archived account led to ${JSON.stringify(result)}`).toBe(true)
          if (E.isLeft(result)) expect(['AccountArchivedError', 'AccountMismatchError']).toContain(result.left._tag)
        }),
      ),
      { numRuns },
    )
    expect(checked).toBeGreaterThan(100)
  })

  it('invariant 2: a handover on an archived account leaves it archived', () => {
    let checked = 0
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, events, before, after }) => {
          if (!before.archived || step.command.type !== 'HandOverAccount' || events.length === 0) return
          checked++
          expect(after.archived).toBe(true)
          expect(events.map((e) => e.type)).not.toContain('AccountRestored')
        }),
      ),
      { numRuns: 2 * numRuns },
    )
    expect(checked).toBeGreaterThan(2)
  })

  it('invariant 2: only a restore brings an archived account back, and only an archived one', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, events, before, after }) => {
          if (events.some((e) => e.type === 'AccountRestored')) expect(before.archived).toBe(true)
          if (before.archived && !after.archived) expect(step.command.type).toBe('RestoreAccount')
        }),
      ),
      { numRuns },
    )
  })
})
