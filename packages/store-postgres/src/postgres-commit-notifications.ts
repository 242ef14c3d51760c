/**
 * Commit notifications (Commit-Benachrichtigungen): every append sends `NOTIFY` on the schema's
 * channel inside its transaction, so PostgreSQL delivers it exactly when the commit is visible,
 * never for a rolled-back append, with the last position as payload. A subscriber holds one
 * connection of its own that `LISTEN`s; a live projection reads at once instead of polling.
 * Notifications are a hint, not the log: one lost with a dropped connection is made good by the
 * reader's next poll.
 *
 * @module
 */
import type { StoreUnavailableError } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import { storeErrorOfPostgres } from './postgres-errors.js'

/**
 * Ends a subscription and its connection.
 * @category store
 * @since 0.2.0
 */
export type Unsubscribe = () => Promise<void>

/**
 * Listen on `channel` with a connection of its own, opened with `pool`'s settings; `onCommit` gets
 * the last position of each commit.
 * @category store
 * @since 0.2.0
 * @example
 * const unsubscribe = await subscribeToChannel(pool, 'ao_commits_account_ownership', (p) => console.log(p))
 */
export const subscribeToChannel = async (
  pool: pg.Pool,
  channel: string,
  onCommit: (position: bigint) => void,
): Promise<E.Either<StoreUnavailableError, Unsubscribe>> => {
  const client = new pg.Client(pool.options)
  // A lost connection ends the notifications; the reader's polling carries on without them.
  client.on('error', () => undefined)
  client.on('notification', (message) => {
    if (message.channel !== channel) return
    const position = /^\d+$/.test(message.payload ?? '') ? BigInt(message.payload!) : 0n
    onCommit(position)
  })
  try {
    await client.connect()
    // `channel` is built from a checked identifier (see commitChannelOf), so quoting it suffices.
    await client.query(`LISTEN "${channel}"`)
  } catch (e) {
    await client.end().catch(() => undefined)
    return E.left(storeErrorOfPostgres(e))
  }
  return E.right(() => client.end().catch(() => undefined))
}
