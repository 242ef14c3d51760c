/**
 * Who owns what (Kundenverantwortung): `owner <account> [--at]`, `book <owner>` (the book of
 * business) and `orphans` (accounts without an owner — a finding, exit code 1).
 *
 * @module
 */
import { bookOfBusiness, currentOwner, orphanedAccounts, ownerAt, type AccountStanding } from '@account-ownership/projections'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode, UsageError } from '../exit-code.js'
import { parseInstant } from '../terminal/instant-option.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { unknownAccount } from './unknown-account.js'
import { usageOfQuery } from './query-failure.js'
import { withReadModels } from './read-session.js'

const standingRows = (accounts: ReadonlyArray<AccountStanding>) =>
  renderTable(
    ['account', 'name', 'tier', 'ownership', 'owner', 'since', 'archived'],
    accounts.map((a) => [a.accountId, a.displayName, a.tier, a.ownership, a.ownerId ?? a.previousOwnerId, a.since, a.archivedAt]),
  )

/**
 * Add `owner`, `book` and `orphans` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerOwnershipCommands = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('owner')
    .description('who owns an account now, or at a past time (--at)')
    .argument('<account>', 'account id')
    .option('--at <time>', 'ISO 8601 time or date; the owner then')
    .action(
      action<[string], { at?: string }>(session, (globals, options, account) =>
        withReadModels(terminal, globals, async (_log, { db }) => {
          if (options.at !== undefined) {
            const at = parseInstant(options.at, '--at')
            if (E.isLeft(at)) return failWith(terminal, globals, at.left)
            const unknown = await unknownAccount(db, account)
            if (unknown !== undefined) return failWith(terminal, globals, unknown)
            const period = await ownerAt(db, account, at.right)
            if (E.isLeft(period)) return failWith(terminal, globals, usageOfQuery('<account>', period.left))
            const p = period.right
            answer(terminal, globals, { accountId: account, at: at.right, owner: p }, () =>
              p === null ? `Nobody owned ${account} at ${at.right}.\n` : renderTable(['account', 'owner', 'from', 'to', 'began with', 'reason'], [[account, p.ownerId, p.from, p.to, p.beganWith, p.reasonCode]]),
            )
            return ExitCode.ok
          }
          const standing = await currentOwner(db, account)
          if (E.isLeft(standing)) return failWith(terminal, globals, usageOfQuery('<account>', standing.left))
          if (standing.right === null) return failWith(terminal, globals, new UsageError('<account>', 'no such account in the log'))
          const s = standing.right
          answer(terminal, globals, s, () => standingRows([s]))
          return ExitCode.ok
        }),
      ),
    )

  program
    .command('book')
    .description("an owner's book of business: the open accounts they own now")
    .argument('<owner>', 'principal id of the owner')
    .action(
      action<[string], object>(session, (globals, _options, owner) =>
        withReadModels(terminal, globals, async (_log, { db }) => {
          const book = await bookOfBusiness(db, owner)
          if (E.isLeft(book)) return failWith(terminal, globals, usageOfQuery('<owner>', book.left))
          answer(terminal, globals, { ownerId: owner, accounts: book.right }, () => (book.right.length === 0 ? `${owner} owns no open account.\n` : standingRows(book.right)))
          return ExitCode.ok
        }),
      ),
    )

  program
    .command('orphans')
    .description('open accounts without an owner; exit code 1 when there are any')
    .action(
      action<[], object>(session, (globals) =>
        withReadModels(terminal, globals, async (_log, { db }) => {
          const orphans = await orphanedAccounts(db)
          answer(terminal, globals, { orphans }, () => (orphans.length === 0 ? 'No orphaned accounts.\n' : standingRows(orphans)))
          return orphans.length === 0 ? ExitCode.ok : ExitCode.finding
        }),
      ),
    )
}
