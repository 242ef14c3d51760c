import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commandSequenceArbitrary } from '@account-ownership/core/testing'
import { walk } from './walk.js'

describe('invariant 4: where the policy asks for four eyes, the approver is neither the requester nor the new owner', () => {
  it('invariant 4: no approval is by the requester or by the new owner of the transfer it approves', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ events, before }) => {
          for (const e of events) {
            if (e.type !== 'OwnershipTransferApproved') continue
            const request = before.requests.get(e.data.transferId)
            expect(request, `approval of ${e.data.transferId}, which was never requested`).toBeDefined()
            expect(e.data.approvedBy).not.toBe(request?.requestedBy)
            expect(e.data.approvedBy).not.toBe(request?.toOwnerId)
          }
        }),
      ),
      { numRuns: 1000 },
    )
  })

  it('invariant 4: on a four-eyes tier an owner changes only by an approved request (or the offboarding handover)', () => {
    let checked = 0
    fc.assert(
      fc.property(commandSequenceArbitrary(), (sequence) =>
        walk(sequence, ({ step, events, before }) => {
          for (const e of events) {
            if (e.type !== 'OwnershipTransferred' || before.tier === null || !sequence.policy.fourEyes[before.tier]) continue
            if (step.command.type === 'HandOverAccount') continue
            checked++
            const approval = events.find((a) => a.type === 'OwnershipTransferApproved' && a.data.transferId === e.data.transferId)
            const request = e.data.transferId === undefined ? undefined : before.requests.get(e.data.transferId)
            expect(approval, `transfer to ${e.data.toOwnerId} on a ${before.tier} account without approval`).toBeDefined()
            expect(request?.toOwnerId).toBe(e.data.toOwnerId)
          }
        }),
      ),
      { numRuns: 1000 },
    )
    expect(checked).toBeGreaterThan(10)
  })
})
