/**
 * Events of the account team beside the owner (Key-Account-Team).
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId } from '../../ids.js'
import { TeamRole } from '../../vocabulary.js'

/**
 * A principal joined the account team in a role.
 * @category events
 * @since 0.1.0
 */
export const TeamMemberAdded = message('TeamMemberAdded', {
  accountId: AccountId,
  principalId: PrincipalId,
  role: TeamRole,
  addedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type TeamMemberAdded = t.TypeOf<typeof TeamMemberAdded>

/**
 * A principal left the account team.
 * @category events
 * @since 0.1.0
 */
export const TeamMemberRemoved = message('TeamMemberRemoved', {
  accountId: AccountId,
  principalId: PrincipalId,
  removedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type TeamMemberRemoved = t.TypeOf<typeof TeamMemberRemoved>
