/**
 * Whether the log ever opened an account, asked before a question about it at some time: about an
 * account it never opened, "nobody owned it" or "no ownership periods" would read as an answer,
 * and a typo (`kunde-l` for `kunde-1`) as a clean negative finding.
 *
 * @module
 */
import type { ReadModels } from '@account-ownership/projections'
import { currentOwner } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { UsageError } from '../exit-code.js'
import { usageOfQuery } from './query-failure.js'

/**
 * `undefined` where the read models know `account`; else the usage error of `<account>`.
 * @category commands
 * @since 0.4.0
 */
export const unknownAccount = async (db: Kysely<ReadModels>, account: string): Promise<UsageError | undefined> => {
  const standing = await currentOwner(db, account)
  if (E.isLeft(standing)) return usageOfQuery('<account>', standing.left)
  return standing.right === null ? new UsageError('<account>', 'no such account in the log') : undefined
}
