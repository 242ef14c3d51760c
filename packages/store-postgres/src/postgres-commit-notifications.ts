/**
 * Commit notifications (Commit-Benachrichtigungen): every append sends `NOTIFY` on the schema's
 * channel inside its transaction, so PostgreSQL delivers it exactly when the commit is visible,
 * never for a rolled-back append, with the last position as payload. A subscriber holds one
 * connection of its own that `LISTEN`s; a live projection reads at once instead of polling.
 * Notifications are a hint, not the log: one lost with a dropped connection is made good by the
 * reader's next poll. A dropped listening connection (a server restart, a terminated backend, a
 * network cut) is opened again with exponential backoff — 100 ms doubling to 5 s, each wait
 * jittered so that many processes do not reconnect in step — and once it listens again the
 * subscriber is told once, with position `0n`, since commits made meanwhile were not announced.
 * A connection that is cut without a word (no reset reaches this side) is found by a heartbeat:
 * a `SELECT 1` every 30 s that must answer within 10 s, or the connection is given up and opened
 * again the same way.
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
 * The waits before reopening a dropped listening connection: the first, and the most it grows to.
 * @category store
 * @since 0.3.0
 */
export const listenBackoff = { firstMs: 100, maxMs: 5_000 } as const

/**
 * How a listening connection is checked for life: a `SELECT 1` every `everyMs`, which must answer
 * within `timeoutMs` (also the limit for opening it, where the pool names none).
 * @category store
 * @since 0.3.0
 */
export interface ListenHeartbeat {
  readonly everyMs: number
  readonly timeoutMs: number
}

/**
 * The heartbeat of a subscription that names none.
 * @category store
 * @since 0.3.0
 */
export const defaultListenHeartbeat: ListenHeartbeat = { everyMs: 30_000, timeoutMs: 10_000 }

/**
 * Listen on `channel` with a connection of its own, opened with `pool`'s settings; `onCommit` gets
 * the last position of each commit (`0n` after the connection was reopened). Only the first
 * connection's failure is answered; later ones are retried until `unsubscribe`.
 * @category store
 * @since 0.2.0
 * @example
 * const unsubscribe = await subscribeToChannel(pool, 'ao_commits_account_ownership', (p) => console.log(p))
 */
export const subscribeToChannel = async (
  pool: pg.Pool,
  channel: string,
  onCommit: (position: bigint) => void,
  heartbeat: ListenHeartbeat = defaultListenHeartbeat,
): Promise<E.Either<StoreUnavailableError, Unsubscribe>> => {
  let ended = false
  let client: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  let beat: NodeJS.Timeout | undefined
  let waitMs: number = listenBackoff.firstMs

  // Give up the current connection and open another; its own 'end' comes later or never.
  const giveUp = (connection: pg.Client): void => {
    if (client !== connection) return
    void connection.end().catch(() => undefined)
    reopenLater()
  }

  const listen = async (): Promise<pg.Client> => {
    const connection = new pg.Client({ ...pool.options, connectionTimeoutMillis: pool.options.connectionTimeoutMillis || heartbeat.timeoutMs })
    // A lost connection also ends it ('end'), which is where it is reopened.
    connection.on('error', () => undefined)
    connection.on('notification', (message) => {
      // A connection given up may still deliver; only the current one speaks for the channel.
      if (message.channel !== channel || (client !== undefined && client !== connection)) return
      onCommit(/^\d+$/.test(message.payload ?? '') ? BigInt(message.payload!) : 0n)
    })
    try {
      await connection.connect()
      // `channel` is built from a checked identifier (see commitChannelOf), so quoting it suffices.
      await connection.query(`LISTEN "${channel}"`)
    } catch (e) {
      await connection.end().catch(() => undefined)
      throw e
    }
    connection.once('end', () => {
      if (!ended) giveUp(connection)
    })
    return connection
  }

  const listenOn = (connection: pg.Client): void => {
    client = connection
    let beating = false
    beat = setInterval(() => {
      // One heartbeat at a time: an unanswered one is given up by its own timeout.
      if (beating) return
      beating = true
      let timer: NodeJS.Timeout | undefined
      const silent = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), heartbeat.timeoutMs)))
      Promise.race([connection.query('SELECT 1'), silent])
        .catch(() => giveUp(connection))
        .finally(() => {
          clearTimeout(timer)
          beating = false
        })
    }, heartbeat.everyMs)
    beat.unref()
  }

  const reopenLater = (): void => {
    client = undefined
    clearInterval(beat)
    retry = setTimeout(async () => {
      retry = undefined
      try {
        const reopened = await listen()
        if (ended) return void (await reopened.end().catch(() => undefined))
        listenOn(reopened)
        waitMs = listenBackoff.firstMs
        onCommit(0n)
      } catch {
        waitMs = Math.min(waitMs * 2, listenBackoff.maxMs)
        if (!ended) reopenLater()
      }
    }, waitMs * (0.5 + Math.random() / 2))
  }

  try {
    listenOn(await listen())
  } catch (e) {
    return E.left(storeErrorOfPostgres(e))
  }
  return E.right(async () => {
    ended = true
    clearTimeout(retry)
    clearInterval(beat)
    await client?.end().catch(() => undefined)
  })
}
