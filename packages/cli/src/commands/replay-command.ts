/**
 * `replay [--until <time>]`: read the whole log in global order, decode every event (a corrupt one
 * is a finding), and fold every account's state again from its events alone (Wiederholung) — what
 * the log says up to a business time: how many accounts are open, owned, orphaned, archived, and
 * how many events of each type it holds.
 *
 * @module
 */
import { evolve, type AccountEvent, initialAccountState, type AccountState, type Instant } from '@account-ownership/core'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { CommandFailedError, ExitCode, failedRead } from '../exit-code.js'
import { parseInstant } from '../terminal/instant-option.js'
import { progressBar } from '../terminal/progress-bar.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { withLog } from './read-session.js'

const standingOf = (state: AccountState): string =>
  state.status === 'unopened' ? 'unopened' : state.status === 'archived' ? 'archived' : state.ownership.kind

/**
 * Add `replay` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerReplayCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('replay')
    .description('replay the whole log (up to --until in business time) and summarise what it holds')
    .option('--until <time>', 'ISO 8601 time or date; events that occurred later are left out')
    .action(
      action<[], { until?: string }>(session, async (globals, options) => {
        let until: Instant | undefined
        if (options.until !== undefined) {
          const parsed = parseInstant(options.until, '--until')
          if (E.isLeft(parsed)) return failWith(terminal, globals, parsed.left)
          until = parsed.right
        }
        return withLog(terminal, globals, async ({ store }) => {
          const head = await store.headPosition()
          if (E.isLeft(head)) return failWith(terminal, globals, new CommandFailedError(`the log could not be read: ${head.left.message}`))
          const bar = progressBar(terminal, 'replay')
          const accounts = new Map<string, AccountState>()
          const byType = new Map<string, number>()
          const streams = new Set<string>()
          let read = 0
          let replayed = 0
          try {
            for await (const event of store.readAll()) {
              if (++read % 500 === 0) bar.update(read, Number(head.right))
              if (until !== undefined && event.metadata.occurredAt > until) continue
              replayed++
              streams.add(event.metadata.streamId)
              byType.set(event.type, (byType.get(event.type) ?? 0) + 1)
              if (event.metadata.streamId.startsWith('account-')) accounts.set(event.metadata.streamId, evolve(accounts.get(event.metadata.streamId) ?? initialAccountState, event as AccountEvent))
            }
          } catch (cause) {
            bar.stop()
            return failWith(terminal, globals, failedRead(`replay stopped after ${read} events`, cause))
          }
          bar.stop()
          const standings = new Map<string, number>()
          for (const state of accounts.values()) standings.set(standingOf(state), (standings.get(standingOf(state)) ?? 0) + 1)
          const summary = { until: until ?? null, eventsRead: read, eventsReplayed: replayed, streams: streams.size, accounts: accounts.size, standings: Object.fromEntries(standings), eventsByType: Object.fromEntries([...byType].sort()) }
          answer(terminal, globals, summary, () =>
            renderTable(['events replayed', 'of events in the log', 'streams', 'accounts', ...[...standings.keys()].sort()], [[replayed, read, streams.size, accounts.size, ...[...standings].sort().map(([, n]) => n)]]) +
              renderTable(['event type', 'count'], [...byType].sort()),
          )
          return ExitCode.ok
        })
      }),
    )
}
