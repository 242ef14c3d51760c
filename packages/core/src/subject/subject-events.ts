/**
 * Events of a data subject's stream (`subject-<subjectId>`): what the controller did with a
 * person's data as a whole, apart from any one account. Today that is the erasure (Löschung,
 * Art. 17 DSGVO): the subject's key was destroyed, so every encrypted field of theirs in the log
 * now reads as erased. The event itself holds no personal data, only the subject's id.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../event.js'
import { PrincipalId, SubjectId } from '../ids.js'
import { Count } from '../quantity.js'
import { ErasureGround } from '../vocabulary.js'

/**
 * A data subject's personal data was erased by destroying their key (crypto-shredding), by whom
 * and on which ground of Art. 17(1) DSGVO.
 * @category events
 * @since 0.1.0
 */
export const PersonalDataErased = message('PersonalDataErased', {
  subjectId: SubjectId,
  erasedBy: PrincipalId,
  legalGround: ErasureGround,
  /** How many key versions of the subject were destroyed (0 when none was left). */
  keysDestroyed: Count,
})
/** @category events @since 0.1.0 */
export type PersonalDataErased = t.TypeOf<typeof PersonalDataErased>

/**
 * Every event of a data subject's stream.
 * @category events
 * @since 0.1.0
 */
export const SubjectEvent = PersonalDataErased
/** @category events @since 0.1.0 */
export type SubjectEvent = t.TypeOf<typeof SubjectEvent>
