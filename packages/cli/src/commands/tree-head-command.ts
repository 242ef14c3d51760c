/**
 * `tree-head --signing-key <file>`: the signed tree head (signierter Baumkopf, RFC 9162) of the
 * log as it is now — the Merkle root over every event's chain hash, signed with Ed25519 — to keep
 * outside the system; `verify --tree-head <file> --public-key <file>` checks a kept head against
 * the log later. The tree is built in memory from the log read through the store port, so the
 * log and every file beside it stay as they were.
 *
 * @module
 */
import { checkTreeHead, createMerkleTables, takeTreeHead, treeHeadSigner, verifyTree, type MerkleTables, type TreeHead } from '@account-ownership/dsgvo'
import { sqliteReadModels } from '@account-ownership/projections/sqlite'
import type { EventStore } from '@account-ownership/core'
import Database from 'better-sqlite3'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { readFileSync } from 'node:fs'
import { CommandFailedError, ExitCode, UsageError } from '../exit-code.js'
import type { Terminal } from '../terminal/terminal.js'
import { action, answer, failWith, type CliSession, type GlobalOptions } from './cli-session.js'
import { withLog } from './read-session.js'

const readText = (file: string, option: string): E.Either<UsageError, string> => {
  try {
    return E.right(readFileSync(file, 'utf8'))
  } catch {
    return E.left(new UsageError(option, 'the file cannot be read'))
  }
}

/**
 * A kept tree head and the public key it must be signed with, read and checked.
 * @category commands
 * @since 0.2.0
 */
export const keptTreeHead = (headFile: string, publicKeyFile: string | undefined): E.Either<UsageError, TreeHead> => {
  if (publicKeyFile === undefined) return E.left(new UsageError('--public-key', 'a kept tree head is checked against the public key it was signed with'))
  const text = readText(headFile, '--tree-head')
  if (E.isLeft(text)) return text
  const key = readText(publicKeyFile, '--public-key')
  if (E.isLeft(key)) return key
  let parsed: unknown
  try {
    parsed = JSON.parse(text.right)
  } catch {
    return E.left(new UsageError('--tree-head', 'expected the JSON that tree-head printed'))
  }
  const head = checkTreeHead(parsed, key.right)
  return E.isLeft(head) ? E.left(new UsageError(head.left.field === 'publicKey' ? '--public-key' : '--tree-head', head.left.message)) : head
}

/**
 * Verify the log against a kept tree head: exit code 1, with the position where it can be named, when it no longer holds.
 * @category commands
 * @since 0.2.0
 */
export const verifyAgainstTreeHead = async (terminal: Terminal, globals: GlobalOptions, store: EventStore, head: TreeHead): Promise<ExitCode> => {
  const verified = await verifyTree({ store, keptHeads: [head] })
  if (E.isRight(verified)) {
    answer(terminal, globals, { ok: true, events: verified.right.events, treeHead: 'matches', treeSize: head.treeSize }, () => `tree head of ${head.treeSize} events (taken ${head.takenAt}): matches\n`)
    return ExitCode.ok
  }
  const found = verified.left
  if (found._tag !== 'TreeMismatchError') return failWith(terminal, globals, new CommandFailedError(`the log could not be verified: ${found.message}`))
  answer(terminal, globals, { ok: false, reason: found.reason, treeSize: found.treeSize, ...(found.position === undefined ? {} : { globalPosition: found.position }) }, () => `BROKEN: ${found.message}\n`)
  return ExitCode.finding
}

/**
 * Add `tree-head` to the program.
 * @category commands
 * @since 0.2.0
 */
export const registerTreeHeadCommand = (program: Command, session: CliSession): void => {
  const { terminal } = session
  program
    .command('tree-head')
    .description('print the signed tree head of the log as it is now (keep it outside the system; check it later with verify --tree-head)')
    .requiredOption('--signing-key <file>', 'an Ed25519 private key (PKCS#8 PEM)')
    .action(
      action<[], { signingKey: string }>(session, async (globals, options) => {
        const pem = readText(options.signingKey, '--signing-key')
        if (E.isLeft(pem)) return failWith(terminal, globals, pem.left)
        const signer = treeHeadSigner(pem.right)
        if (E.isLeft(signer)) return failWith(terminal, globals, new UsageError('--signing-key', signer.left.message))
        return withLog(terminal, globals, async ({ store }) => {
          const db = sqliteReadModels<MerkleTables>(new Database(':memory:'))
          try {
            await createMerkleTables(db)
            const head = await takeTreeHead({ store, db, signer: signer.right })
            if (E.isLeft(head)) return failWith(terminal, globals, new CommandFailedError(`no tree head could be taken: ${head.left.message}`))
            // The head is JSON either way: it is meant to be kept in a file.
            answer(terminal, { json: true }, head.right, () => '')
            return ExitCode.ok
          } finally {
            await db.destroy()
          }
        })
      }),
    )
}
