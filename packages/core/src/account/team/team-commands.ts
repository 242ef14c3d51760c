/**
 * Commands of the account team.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId } from '../../ids.js'
import { TeamRole } from '../../vocabulary.js'

/** Add a principal to the team in a role; owner or admin. @category commands @since 0.1.0 */
export const AddTeamMember = message('AddTeamMember', { accountId: AccountId, principalId: PrincipalId, role: TeamRole })
/** @category commands @since 0.1.0 */
export type AddTeamMember = t.TypeOf<typeof AddTeamMember>

/** Remove a principal from the team; owner or admin. @category commands @since 0.1.0 */
export const RemoveTeamMember = message('RemoveTeamMember', { accountId: AccountId, principalId: PrincipalId })
/** @category commands @since 0.1.0 */
export type RemoveTeamMember = t.TypeOf<typeof RemoveTeamMember>
