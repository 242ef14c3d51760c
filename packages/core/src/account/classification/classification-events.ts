/**
 * Events of account classification (Kundenklassifizierung): key account, high-value account or
 * standard, with the score and criteria that led there.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId, PrincipalId } from '../../ids.js'
import { boundedList } from '../../bounded-list.js'
import { personalText } from '../../personal-text.js'
import { FiniteNumber } from '../../quantity.js'
import { maxFreeTextLength } from '../../text.js'
import { NonEmptyText, Tier } from '../../vocabulary.js'

/**
 * The account was (re)classified; the tier decides whether transfers need four eyes. Each
 * criterion is free text about the customer, personal data where the account is a natural
 * person: plain, or sealed under the account's key.
 * @category events
 * @since 0.1.0
 */
export const AccountClassified = message('AccountClassified', {
  accountId: AccountId,
  tier: Tier,
  score: FiniteNumber,
  criteria: boundedList(personalText(NonEmptyText, maxFreeTextLength)),
  classifiedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type AccountClassified = t.TypeOf<typeof AccountClassified>
