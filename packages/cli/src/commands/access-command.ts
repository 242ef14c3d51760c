/**
 * `access <account> [--at <time>]`: everyone who could access an account's data at a time
 * (Zugriffsberechtigung), as owner or through a grant, with purpose, legal basis and who granted it.
 *
 * @module
 */
import { instantOf } from '@account-ownership/core'
import { accessAt } from '@account-ownership/projections'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { ExitCode } from '../exit-code.js'
import { parseInstant } from '../terminal/instant-option.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { unknownAccount } from './unknown-account.js'
import { usageOfQuery } from './query-failure.js'
import { withReadModels } from './read-session.js'

/**
 * Add `access` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerAccessCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('access')
    .description('who could access an account at a time (now unless --at), and why')
    .argument('<account>', 'account id')
    .option('--at <time>', 'ISO 8601 time or date')
    .action(
      action<[string], { at?: string }>(session, (globals, options, account) => {
        const at = options.at === undefined ? E.right(instantOf(Date.now())) : parseInstant(options.at, '--at')
        if (E.isLeft(at)) return Promise.resolve(failWith(terminal, globals, at.left))
        return withReadModels(terminal, globals, async (_log, { db }) => {
          const unknown = await unknownAccount(db, account)
          if (unknown !== undefined) return failWith(terminal, globals, unknown)
          const reasons = await accessAt(db, account, at.right)
          if (E.isLeft(reasons)) return failWith(terminal, globals, usageOfQuery('<account>', reasons.left))
          answer(terminal, globals, { accountId: account, at: at.right, access: reasons.right }, () =>
            reasons.right.length === 0
              ? `Nobody could access ${account} at ${at.right}.\n`
              : renderTable(
                  ['principal', 'via', 'since', 'until', 'purpose', 'legal basis', 'granted by'],
                  reasons.right.map((r) =>
                    r.via === 'owner'
                      ? [r.principalId, 'owner', r.since, null, null, null, null]
                      : r.via === 'team'
                        ? [r.principalId, `team (${r.role})`, r.since, null, null, null, null]
                        : [r.principalId, `grant ${r.grant.grantId}`, r.grant.validFrom, r.grant.endedAt ?? r.grant.expiresAt, r.grant.purpose, r.grant.legalBasis, r.grant.grantedBy],
                  ),
                ),
          )
          return ExitCode.ok
        })
      }),
    )
}
