/**
 * Events of a principal's stream (`principal-<principalId>`): an employee leaves or changes role
 * (Austritt, Rollenwechsel). The handover process manager reacts to them.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../event.js'
import { PrincipalId } from '../ids.js'
import { personalText } from '../personal-text.js'
import { maxFreeTextLength } from '../text.js'
import { NonEmptyText } from '../vocabulary.js'

/**
 * A principal was offboarded. Their accounts go to `successorId`, or become orphaned when it is
 * `null`; their grants end. `reason` is free text about the principal (Elternzeit, Kündigung …),
 * their personal data: plain, or sealed under their key.
 * @category events
 * @since 0.1.0
 */
export const PrincipalOffboarded = message('PrincipalOffboarded', {
  principalId: PrincipalId,
  successorId: t.union([PrincipalId, t.null]),
  offboardedBy: PrincipalId,
  reason: personalText(NonEmptyText, maxFreeTextLength),
})
/** @category events @since 0.1.0 */
export type PrincipalOffboarded = t.TypeOf<typeof PrincipalOffboarded>

/**
 * Every event of a principal's stream.
 * @category events
 * @since 0.1.0
 */
export const PrincipalEvent = PrincipalOffboarded
/** @category events @since 0.1.0 */
export type PrincipalEvent = t.TypeOf<typeof PrincipalEvent>
