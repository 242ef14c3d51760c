/**
 * The options of the EventStoreDB store (Einstellungen), checked before anything is sent: each bad
 * one is an `InvalidStoreInputError` naming its field, and a connection string is never repeated
 * in a message, because it may hold a password.
 *
 * @module
 */
import { InvalidStoreInputError, type Clock, type EventSchema } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { connectEventStoreDb } from './eventstoredb-client.js'
import type { EventStoreDbDriver } from './eventstoredb-driver.js'

/**
 * Where the log lives and how the store behaves. Give either `connectionString` or `driver`.
 * @category store
 * @since 0.2.0
 * @example
 * openEventStoreDbEventStore({ connectionString: 'esdb://admin:changeit@localhost:2113?tls=false' })
 * openEventStoreDbEventStore({ driver: eventStoreDbDriver(myClient) }) // a client you already use
 */
export interface EventStoreDbEventStoreOptions {
  /** An `esdb://` or `esdb+discover://` connection string; the store creates the client and disposes of it on `close()`. */
  readonly connectionString?: string
  /** Instead: a driver over a client you created; `close()` disposes of it only if `disposeOnClose` says so. */
  readonly driver?: EventStoreDbDriver
  /** Whether `close()` disposes of the client; `true` for a connection string, `false` for a driver you gave. */
  readonly disposeOnClose?: boolean
  /** The stream name prefixes that are this library's in `$all`; `account-`, `principal-`, `subject-` by default. */
  readonly streamPrefixes?: ReadonlyArray<string>
  /** A prefix of every server stream name of this log (`t42.`), to keep several logs in one cluster; none by default. */
  readonly namespace?: string
  /** How often an append starts again after another writer got in between; 5 by default. */
  readonly appendAttempts?: number
  /** With `connectionString`: how long one page of a read may take before it fails as retryable; 30000 ms by default. */
  readonly readTimeoutMs?: number
  /**
   * Whether reads of the log are filtered on the server (a catch-up subscription with a filter),
   * so that other streams' events and skipped types do not cross the wire; `true` by default. Such
   * a read ends when the server reports it caught up, which EventStoreDB 23.10 and newer and
   * KurrentDB do; with an older server set `false`, and the store reads `$all` unfiltered, page by
   * page, and filters as the pages arrive.
   * @since 0.3.0
   */
  readonly filterOnServer?: boolean
  /** Source of `recordedAt`; the wall clock by default. */
  readonly clock?: Clock
  readonly schema?: EventSchema
}

/**
 * The streams of this library: accounts, principals and data subjects.
 * @category store
 * @since 0.2.0
 */
export const defaultStreamPrefixes: ReadonlyArray<string> = ['account-', 'principal-', 'subject-']

const invalid = (field: string, reason: string) => E.left(new InvalidStoreInputError(field, reason))

/**
 * The driver the options name, and whether the store owns it (created it from a connection string).
 * @category store
 * @since 0.2.0
 */
export const driverOf = (options: EventStoreDbEventStoreOptions): E.Either<InvalidStoreInputError, { driver: EventStoreDbDriver; owned: boolean }> => {
  const { connectionString, driver } = options
  if ((connectionString === undefined) === (driver === undefined)) return invalid('connectionString', 'give either a connection string or a driver')
  if (driver !== undefined) return E.right({ driver, owned: false })
  if (typeof connectionString !== 'string' || connectionString.length === 0) return invalid('connectionString', 'expected an esdb:// connection string')
  try {
    return E.right({ driver: connectEventStoreDb(connectionString, options.readTimeoutMs === undefined ? {} : { readTimeoutMs: options.readTimeoutMs }), owned: true })
  } catch {
    // The client's message repeats the string, which may hold a password.
    return invalid('connectionString', 'the client cannot parse it as an esdb:// or esdb+discover:// connection string')
  }
}

/**
 * The options, or the first that is bad.
 * @category store
 * @since 0.2.0
 */
export const checkOptions = (options: unknown): E.Either<InvalidStoreInputError, EventStoreDbEventStoreOptions> => {
  if (typeof options !== 'object' || options === null) return invalid('options', 'expected an object with a connectionString or a driver')
  const { streamPrefixes, appendAttempts, disposeOnClose, namespace, readTimeoutMs, filterOnServer } = options as EventStoreDbEventStoreOptions
  if (streamPrefixes !== undefined && (!Array.isArray(streamPrefixes) || streamPrefixes.length === 0 || !streamPrefixes.every((p) => typeof p === 'string' && /^[a-z][a-z0-9]*-$/.test(p)))) {
    return invalid('streamPrefixes', 'expected a non-empty list of stream families with their dash, such as account-')
  }
  if (appendAttempts !== undefined && !(Number.isInteger(appendAttempts) && appendAttempts >= 1 && appendAttempts <= 100)) return invalid('appendAttempts', 'expected an integer from 1 to 100')
  if (disposeOnClose !== undefined && typeof disposeOnClose !== 'boolean') return invalid('disposeOnClose', 'expected true or false')
  if (filterOnServer !== undefined && typeof filterOnServer !== 'boolean') return invalid('filterOnServer', 'expected true or false')
  if (readTimeoutMs !== undefined && !(Number.isInteger(readTimeoutMs) && readTimeoutMs >= 1 && readTimeoutMs <= 3_600_000)) {
    return invalid('readTimeoutMs', 'expected an integer number of milliseconds from 1 to 3600000')
  }
  if (namespace !== undefined && !(typeof namespace === 'string' && /^[a-z0-9][a-z0-9_]{0,39}\.$/.test(namespace))) {
    return invalid('namespace', 'expected up to 40 lower-case letters, digits or _ and a closing dot, such as t42.')
  }
  return E.right(options as EventStoreDbEventStoreOptions)
}
