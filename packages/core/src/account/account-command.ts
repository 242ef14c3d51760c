/**
 * Every command on an account, as one codec.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { decodeByType, type FieldProblems } from '../field-problem.js'
import { GrantAccess, RecordAccessExpiry, RevokeAccess } from './access/access-commands.js'
import { ClassifyAccount } from './classification/classification-commands.js'
import { ArchiveAccount, OpenAccount, RestoreAccount } from './lifecycle/lifecycle-commands.js'
import {
  ApproveTransfer,
  AssignOwner,
  HandOverAccount,
  OrphanAccount,
  RejectTransfer,
  TransferOwnership,
} from './ownership/ownership-commands.js'
import { MapStakeholder, RemoveStakeholder } from './stakeholders/stakeholder-commands.js'
import { AddTeamMember, RemoveTeamMember } from './team/team-commands.js'

const members = [
  OpenAccount,
  AssignOwner,
  TransferOwnership,
  ApproveTransfer,
  RejectTransfer,
  OrphanAccount,
  HandOverAccount,
  AddTeamMember,
  RemoveTeamMember,
  GrantAccess,
  RevokeAccess,
  RecordAccessExpiry,
  ClassifyAccount,
  MapStakeholder,
  RemoveStakeholder,
  ArchiveAccount,
  RestoreAccount,
] as const

/**
 * The codec of any account command, discriminated by `type`.
 * @category commands
 * @since 0.1.0
 */
export const AccountCommand = t.union([...members], 'AccountCommand')
/** @category commands @since 0.1.0 */
export type AccountCommand = t.TypeOf<typeof AccountCommand>

/**
 * Decode an account command, naming the first bad field of the command its `type` names.
 * @category commands
 * @since 0.1.0
 */
export const decodeAccountCommand: (u: unknown) => E.Either<FieldProblems, AccountCommand> = decodeByType(members)
