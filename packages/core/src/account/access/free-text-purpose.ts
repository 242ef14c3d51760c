/**
 * Grants recorded before purposes were codes (schema version 1 of `AccessGranted`): their
 * `purpose` was free text. The log is append-only, so they are read, not rewritten: the upcast
 * gives them the purpose code `recorded-as-text` and moves the text into the note, where every
 * reader looks for what a grant is for in particular.
 *
 * Such a text was stored in plain, so no key covers it and erasing the grantee cannot make the
 * log forget it; read models still overwrite their copy of the note when the grantee is erased.
 *
 * @module
 */
import { freeTextPurposeCode } from '../../policy.js'
import type { Upcaster } from '../../store/event-schema.js'

/**
 * Lift an `AccessGranted` payload of version 1 to version 2; anything but an object with a
 * string `purpose` passes unchanged, for the codec to name what is wrong with it.
 * @category store
 * @since 0.3.0
 * @example
 * upcastFreeTextPurpose({ …, purpose: 'Support ticket 4711' }) // { …, purpose: 'recorded-as-text', purposeNote: 'Support ticket 4711' }
 */
export const upcastFreeTextPurpose: Upcaster = (data) => {
  if (typeof data !== 'object' || data === null) return data
  const { purpose, ...rest } = data as { readonly purpose?: unknown }
  return typeof purpose === 'string' ? { ...rest, purpose: freeTextPurposeCode, purposeNote: purpose } : data
}
