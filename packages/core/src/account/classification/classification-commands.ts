/**
 * Commands of account classification.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId } from '../../ids.js'
import { boundedList } from '../../bounded-list.js'
import { FiniteNumber } from '../../quantity.js'
import { NonEmptyText, Tier } from '../../vocabulary.js'

/** (Re)classify the account; owner or admin. @category commands @since 0.1.0 */
export const ClassifyAccount = message('ClassifyAccount', {
  accountId: AccountId,
  tier: Tier,
  score: FiniteNumber,
  criteria: boundedList(NonEmptyText),
})
/** @category commands @since 0.1.0 */
export type ClassifyAccount = t.TypeOf<typeof ClassifyAccount>
