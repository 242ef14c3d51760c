/**
 * Commands of account classification.
 *
 * @module
 */
import * as t from 'io-ts'
import { message } from '../../event.js'
import { AccountId } from '../../ids.js'
import { NonEmptyText, Tier } from '../../vocabulary.js'

/** (Re)classify the account; owner or admin. @category commands @since 0.1.0 */
export const ClassifyAccount = message('ClassifyAccount', {
  accountId: AccountId,
  tier: Tier,
  score: t.refinement(t.number, Number.isFinite, 'FiniteNumber'),
  criteria: t.readonlyArray(NonEmptyText),
})
/** @category commands @since 0.1.0 */
export type ClassifyAccount = t.TypeOf<typeof ClassifyAccount>
