import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AccountErrorTag } from '@account-ownership/core'
import { commandSequenceArbitrary, runCommandSequence } from '@account-ownership/core/testing'

/* A fixed sample, so that what the kit reaches is measured the same way on every run. */
const decided = fc.sample(commandSequenceArbitrary(), { numRuns: 300, seed: 42 }).flatMap((sequence) => runCommandSequence(sequence))

const refusals: ReadonlyArray<Exclude<AccountErrorTag, 'InvalidCommandError'>> = [
  'AccountNotOpenedError',
  'AccountAlreadyOpenedError',
  'AccountMismatchError',
  'AccountArchivedError',
  'AccountNotArchivedError',
  'NotAuthorizedError',
  'OwnerAlreadyAssignedError',
  'NoOwnerError',
  'SameOwnerError',
  'UnknownReasonCodeError',
  'UnknownPurposeCodeError',
  'TransferAlreadyExistsError',
  'TransferAlreadyPendingError',
  'TransferNotPendingError',
  'FourEyesViolationError',
  'GrantAlreadyExistsError',
  'GrantNotActiveError',
  'MissingExpiryError',
  'ExpiryInPastError',
  'ValidFromInPastError',
  'GrantTooLongError',
  'GrantNotExpiredError',
  'AlreadyTeamMemberError',
  'NotTeamMemberError',
  'StakeholderAlreadyMappedError',
  'StakeholderNotMappedError',
]

describe('command sequences of the test kit', () => {
  it('accept a good share of their steps and refuse the rest', () => {
    const accepted = decided.filter((d) => E.isRight(d.result)).length / decided.length
    expect(accepted).toBeGreaterThan(0.25)
    expect(accepted).toBeLessThan(0.75)
  })

  it('reach the happy path of every account command', () => {
    const accepted = new Set(decided.flatMap((d) => (E.isRight(d.result) && d.result.right.length > 0 ? [d.step.command.type] : [])))
    expect([...accepted].sort()).toEqual(
      [
        'OpenAccount',
        'AssignOwner',
        'TransferOwnership',
        'ApproveTransfer',
        'RejectTransfer',
        'OrphanAccount',
        'HandOverAccount',
        'AddTeamMember',
        'RemoveTeamMember',
        'GrantAccess',
        'RevokeAccess',
        'RecordAccessExpiry',
        'ClassifyAccount',
        'MapStakeholder',
        'RemoveStakeholder',
        'ArchiveAccount',
        'RestoreAccount',
      ].sort(),
    )
  })

  it('reach every refusal of the account decider', () => {
    const refused = new Set(decided.flatMap((d) => (E.isLeft(d.result) ? [d.result.left._tag] : [])))
    expect([...refused].sort()).toEqual([...refusals].sort())
  })

  it('never let time go back within a sequence', () => {
    fc.assert(
      fc.property(commandSequenceArbitrary(), ({ steps }) => {
        for (let i = 1; i < steps.length; i++) expect(steps[i]!.at >= steps[i - 1]!.at).toBe(true)
      }),
    )
  })
})
