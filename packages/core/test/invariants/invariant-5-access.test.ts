import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasAccess, LegalBasis, millisOf, plusMillis } from '@account-ownership/core'
import { cast, commandSequenceArbitrary } from '@account-ownership/core/testing'
import { mayAccess } from './account-reading.js'
import { numRuns, walk } from './walk.js'

const day = 24 * 3600 * 1000
const principals = [cast.dora, cast.hanna, cast.felix, cast.sven]

describe('invariant 5: only the owner or an admin grants access; a grant has a purpose, a legal basis and an expiry within the policy; an expired or revoked grant gives no access', () => {
  it('invariant 5: every grant is given by the owner or an admin, for a purpose, on a legal basis, expiring within the policy', () => {
    let checked = 0
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, events, before }) => {
          for (const e of events) {
            if (e.type !== 'AccessGranted') continue
            checked++
            const { grantedBy, purpose, legalBasis, validFrom, expiresAt } = e.data
            expect(before.owners.has(grantedBy) || sequence.policy.admins.includes(grantedBy), `${grantedBy} granted access`).toBe(true)
            expect(purpose.trim()).not.toBe('')
            expect(LegalBasis.is(legalBasis)).toBe(true)
            const asked = step.command.type === 'GrantAccess' ? step.command.data.validFrom : undefined
            expect(validFrom).toBe(asked ?? step.at)
            expect(validFrom >= step.at, 'a grant starts no earlier than it is given').toBe(true)
            const max = sequence.policy.maxGrantDays
            if (max !== null) expect(expiresAt, 'a grant without expiry under a maximum').not.toBeNull()
            if (expiresAt !== null) {
              expect(expiresAt > validFrom).toBe(true)
              if (max !== null) expect(millisOf(expiresAt) - millisOf(validFrom)).toBeLessThanOrEqual(max * day)
            }
          }
        }),
      ),
      { numRuns },
    )
    expect(checked).toBeGreaterThan(100)
  })

  it('invariant 5: access is exactly the owner and the grantees of grants neither revoked nor expired', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), fc.integer({ min: 0, max: 40 * day }), (sequence, later) =>
        walk(sequence, ({ step, after, stateAfter }) => {
          for (const p of principals) {
            for (const at of [step.at, plusMillis(step.at, later)]) {
              expect(hasAccess(stateAfter, p, at), `access of ${p} at ${at}`).toBe(mayAccess(after, p, at))
            }
          }
        }),
      ),
      { numRuns },
    )
  })

  it('invariant 5: only the owner or an admin revokes, and a grant ends at most once', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ events, before }) => {
          for (const e of events) {
            if (e.type !== 'AccessRevoked' && e.type !== 'AccessExpired') continue
            expect(before.grants.get(e.data.grantId)?.ended, `end of ${e.data.grantId}`).toBe(false)
            if (e.type === 'AccessRevoked') expect(before.owners.has(e.data.revokedBy) || sequence.policy.admins.includes(e.data.revokedBy)).toBe(true)
          }
        }),
      ),
      { numRuns },
    )
  })
})
