// Properties of Acme's policy over generated command sequences (the test kit's arbitraries): for
// any sequence of commands by anyone, at any times, what the decider accepts keeps Acme's rules.
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { millisOf, type AccountEvent } from '@account-ownership/core'
import { cast, commandSequenceArbitrary, runCommandSequence } from '@account-ownership/core/testing'
import { expect, it } from 'vitest'
import { acmePolicy, acmePolicyData } from '../src/acme-policy.js'

if (E.isLeft(acmePolicy)) throw new Error(`Acme's policy does not check: ${acmePolicy.left.message}`)
const policy = acmePolicy.right
const sequences = commandSequenceArbitrary({ policy, principals: [cast.dora, cast.hanna, cast.felix, cast.sven], maxSteps: 40 })
const accepted = (result: E.Either<unknown, ReadonlyArray<AccountEvent>>) => (E.isRight(result) ? result.right : [])
const day = 24 * 3600 * 1000

it('never records a grant without expiry or one longer than 30 days', () =>
  fc.assert(
    fc.property(sequences, (sequence) => {
      for (const { result } of runCommandSequence(sequence)) {
        for (const e of accepted(result)) {
          if (e.type !== 'AccessGranted') continue
          expect(e.data.expiresAt).not.toBeNull()
          expect(millisOf(e.data.expiresAt!) - millisOf(e.data.validFrom)).toBeLessThanOrEqual(30 * day)
        }
      }
    }),
    { numRuns: 300 },
  ))

it('never lets one person alone move a key or high-value account: a transfer follows an approval by someone else, or an offboarding', () => {
  let transfersSeen = 0
  fc.assert(
    fc.property(sequences, (sequence) => {
      for (const { step, state, result } of runCommandSequence(sequence)) {
        if (state.status === 'unopened' || state.tier === 'standard') continue
        if (!accepted(result).some((e) => e.type === 'OwnershipTransferred')) continue
        transfersSeen++
        expect(['ApproveTransfer', 'HandOverAccount']).toContain(step.command.type)
        if (step.command.type === 'ApproveTransfer') expect(step.actor).not.toBe(state.pendingTransfer?.requestedBy)
      }
    }),
    { numRuns: 1000 },
  )
  // The generated sequences must reach the case (about 60 times in 1000 runs), or the property proves nothing.
  expect(transfersSeen).toBeGreaterThan(10)
})

it("records only reason codes from Acme's handbook (or the handover's own)", () =>
  fc.assert(
    fc.property(sequences, (sequence) => {
      const named = runCommandSequence(sequence)
        .flatMap(({ result }) => accepted(result))
        .flatMap((e) => (e.type === 'OwnershipTransferred' || e.type === 'OwnershipTransferRequested' ? [e.data.reasonCode] : []))
      for (const code of named) expect([...acmePolicyData.reasonCodes, 'owner-offboarded']).toContain(code)
    }),
    { numRuns: 300 },
  ))
