/**
 * `verify [--head <file>]`: recompute the hash chain of every event from its stored bytes
 * (Manipulationsnachweis), read through the store port, and — given a head kept outside the system
 * from an earlier `verify --json` — check that the log still has that head at its position.
 * A break is a finding (exit code 1) and names the position and the reason.
 *
 * @module
 */
import { sealOf, verifyChain, type Seal } from '@account-ownership/dsgvo'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { CommandFailedError, ExitCode, failedRead, UsageError } from '../exit-code.js'
import { progressBar } from '../terminal/progress-bar.js'
import { renderTable } from '../terminal/table.js'
import { action, answer, failWith, type CliSession } from './cli-session.js'
import { withLog } from './read-session.js'
import { keptTreeHead, verifyAgainstTreeHead } from './tree-head-command.js'

/**
 * The head an auditor keeps: `verify --json` prints it as `head`.
 * @category commands
 * @since 0.2.0
 */
export const keptHeadOf = (text: string): E.Either<UsageError, Seal> => {
  const bad = new UsageError('--head', 'expected the JSON that verify --json printed (its "head": position, streams, digest)')
  try {
    const parsed: unknown = JSON.parse(text)
    const head = typeof parsed === 'object' && parsed !== null && 'head' in parsed ? (parsed as { head: unknown }).head : parsed
    if (typeof head !== 'object' || head === null) return E.left(bad)
    const { position, streams, digest } = head as Record<string, unknown>
    if (typeof position !== 'string' || !/^\d{1,20}$/.test(position) || typeof streams !== 'number' || !Number.isSafeInteger(streams) || typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) return E.left(bad)
    return E.right({ position: BigInt(position), streams, digest })
  } catch {
    return E.left(bad)
  }
}

/**
 * Add `verify` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerVerifyCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('verify')
    .description("recompute the log's hash chain; with --head, check a head kept from an earlier run; exit code 1 when broken")
    .option('--head <file>', 'a file with the JSON an earlier `verify --json` printed')
    .option('--tree-head <file>', 'a signed tree head kept from `tree-head` (needs --public-key): the log must still hold exactly its events, in order')
    .option('--public-key <file>', 'the Ed25519 public key (SPKI PEM) the tree head was signed with')
    .action(
      action<[], { head?: string; treeHead?: string; publicKey?: string }>(session, async (globals, options) => {
        const treeHead = options.treeHead === undefined ? undefined : keptTreeHead(options.treeHead, options.publicKey)
        if (treeHead !== undefined && E.isLeft(treeHead)) return failWith(terminal, globals, treeHead.left)
        let seals: Seal[] = []
        if (options.head !== undefined) {
          let text: string
          try {
            text = readFileSync(options.head, 'utf8')
          } catch {
            return failWith(terminal, globals, new UsageError('--head', 'the file cannot be read'))
          }
          const head = keptHeadOf(text)
          if (E.isLeft(head)) return failWith(terminal, globals, head.left)
          seals = [head.right]
        }
        return withLog(terminal, globals, async ({ store }) => {
          const headPosition = await store.headPosition()
          if (E.isLeft(headPosition)) return failWith(terminal, globals, new CommandFailedError(`the log could not be read: ${headPosition.left.message}`))
          const total = headPosition
          if (seals.some((s) => s.position > total.right)) {
            answer(terminal, globals, { ok: false, reason: 'shorter-than-head', lastPosition: total.right, head: seals[0] }, () => `BROKEN: the log ends at position ${total.right}, before the kept head's position ${seals[0]!.position} — events were removed.\n`)
            return ExitCode.finding
          }
          const bar = progressBar(terminal, 'verify')
          let done = 0
          async function* counted<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
            for await (const row of rows) {
              if (++done % 500 === 0) bar.update(done, Number(total.right))
              yield row
            }
          }
          const verified = await verifyChain({ positions: store.positions, readStoredAll: () => counted(store.readStoredAll()) }, { seals })
          bar.stop()
          if (E.isLeft(verified)) {
            const broken = verified.left
            if (broken._tag !== 'ChainBrokenError') return failWith(terminal, globals, failedRead('the log could not be read', broken))
            answer(
              terminal,
              globals,
              { ok: false, reason: broken.reason, globalPosition: broken.globalPosition, streamId: broken.streamId, streamVersion: broken.streamVersion, detail: broken.detail },
              () => `BROKEN at position ${broken.globalPosition} (${broken.streamId} version ${broken.streamVersion ?? '?'}): ${broken.reason}: ${broken.detail}\n`,
            )
            return ExitCode.finding
          }
          if (treeHead !== undefined && E.isRight(treeHead)) return verifyAgainstTreeHead(terminal, globals, store, treeHead.right)
          const { events, lastPosition, heads } = verified.right
          const head = sealOf(heads, lastPosition)
          answer(terminal, globals, { ok: true, events, lastPosition, streams: heads.size, keptHeadChecked: seals.length > 0, head }, () =>
            renderTable(['chain', 'events', 'last position', 'streams', 'kept head', 'head digest (keep it: verify --json > head.json)'], [['intact', events, lastPosition, heads.size, seals.length > 0 ? 'matches' : 'not given', head.digest]]),
          )
          return ExitCode.ok
        })
      }),
    )
}
