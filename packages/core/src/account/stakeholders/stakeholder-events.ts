/**
 * Events of the account map (Stakeholder-Map): contact persons at the customer and their role in
 * the buying centre. Their name and e-mail are personal data (personenbezogene Daten); the DSGVO
 * package encrypts them per data subject before they are stored.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId, StakeholderId } from '../../ids.js'
import { personalText } from '../../personal-text.js'
import { EmailAddress, maxEmailLength, maxNameLength, Name } from '../../text.js'
import { StakeholderRole } from '../../vocabulary.js'

/**
 * A contact person was put on the account map. `name` and `email` hold the plain text, or its
 * sealed form where an encrypting store wrote the event.
 * @category events
 * @since 0.1.0
 */
export const StakeholderMapped = message(
  'StakeholderMapped',
  {
    accountId: AccountId,
    stakeholderId: StakeholderId,
    role: StakeholderRole,
    name: personalText(Name, maxNameLength),
    mappedBy: PrincipalId,
  },
  { email: personalText(EmailAddress, maxEmailLength) },
)
/** @category events @since 0.1.0 */
export type StakeholderMapped = t.TypeOf<typeof StakeholderMapped>

/**
 * A contact person was taken off the account map.
 * @category events
 * @since 0.1.0
 */
export const StakeholderRemoved = message('StakeholderRemoved', {
  accountId: AccountId,
  stakeholderId: StakeholderId,
  removedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type StakeholderRemoved = t.TypeOf<typeof StakeholderRemoved>
