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
import { FiniteNumber } from '../../quantity.js'
import { NonEmptyText, Tier } from '../../vocabulary.js'

/**
 * The account was (re)classified; the tier decides whether transfers need four eyes.
 * @category events
 * @since 0.1.0
 */
export const AccountClassified = message('AccountClassified', {
  accountId: AccountId,
  tier: Tier,
  score: FiniteNumber,
  criteria: boundedList(NonEmptyText),
  classifiedBy: PrincipalId,
})
/** @category events @since 0.1.0 */
export type AccountClassified = t.TypeOf<typeof AccountClassified>
