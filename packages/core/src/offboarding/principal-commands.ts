/**
 * Commands of a principal's stream.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../event.js'
import { PrincipalId } from '../ids.js'
import { NonEmptyText } from '../vocabulary.js'

/**
 * Offboard a principal (Austritt); their accounts go to `successorId` or become orphaned.
 * Admins only.
 * @category commands
 * @since 0.1.0
 */
export const OffboardPrincipal = message('OffboardPrincipal', {
  principalId: PrincipalId,
  successorId: t.union([PrincipalId, t.null]),
  reason: NonEmptyText,
})
/** @category commands @since 0.1.0 */
export type OffboardPrincipal = t.TypeOf<typeof OffboardPrincipal>

/**
 * Every command of a principal's stream.
 * @category commands
 * @since 0.1.0
 */
export const PrincipalCommand = OffboardPrincipal
/** @category commands @since 0.1.0 */
export type PrincipalCommand = t.TypeOf<typeof PrincipalCommand>
