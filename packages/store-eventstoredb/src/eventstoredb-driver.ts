/**
 * What the event store needs of an EventStoreDB/KurrentDB client (Treiber), in a few calls: append
 * to one stream at an exact revision, read one stream, read `$all`, let go of the connection. The
 * store is written against this and nothing else, so that `@eventstore/db-client` lives in one
 * file (`eventstoredb-client.ts`) and its successor, `@kurrent/kurrentdb-client`, can be added
 * beside it as a second implementation.
 *
 * A driver rejects with its client's own errors; `eventstoredb-errors.ts` turns them into the
 * store's.
 *
 * @module
 */

/**
 * A place in the transaction log of the server, as the server reports it.
 * @category driver
 * @since 0.2.0
 */
export interface LogPosition {
  readonly commit: bigint
  readonly prepare: bigint
}

/**
 * What an append expects of its stream on the server: no stream yet, or this exact revision.
 * The store always appends at the revision it has just read, so that the chain hash it computed
 * links to the event that is really last.
 * @category driver
 * @since 0.2.0
 */
export type ServerRevision = 'no-stream' | bigint

/**
 * One event to write: its server id (a UUID), type, JSON data and JSON metadata.
 * @category driver
 * @since 0.2.0
 */
export interface ProposedRecord {
  readonly id: string
  readonly type: string
  readonly data: unknown
  readonly metadata: Readonly<Record<string, unknown>>
}

/**
 * One event as the server returns it; `data` and `metadata` as the client parsed them.
 * @category driver
 * @since 0.2.0
 */
export interface ServerRecord {
  readonly streamId: string
  readonly revision: bigint
  readonly type: string
  readonly isJson: boolean
  readonly data: unknown
  readonly metadata: unknown
  readonly position: LogPosition | undefined
}

/**
 * Where a read starts and which way it goes; `maxCount` bounds the page.
 * @category driver
 * @since 0.2.0
 */
export interface ReadWindow<From> {
  readonly from: From
  readonly maxCount: number
  readonly direction: 'forwards' | 'backwards'
}

/**
 * Which events of `$all` the server sends, as the protocol's filter says it (`FilterOptions`): one
 * expression, on the event type or on the stream name, either a list of prefixes (an event passes
 * if its field starts with one of them) or a regular expression (.NET syntax; an event passes if it
 * matches anywhere in the field). On `$all` the server leaves out `$epoch-information` and the
 * checkpoints of persistent subscriptions besides.
 * @category driver
 * @since 0.3.0
 */
export type LogFilter =
  | { readonly on: 'event-type' | 'stream-name'; readonly prefixes: ReadonlyArray<string> }
  | { readonly on: 'event-type' | 'stream-name'; readonly regex: string }

/**
 * One message of a filtered catch-up subscription, in the order the server sent them: an event
 * that passed the filter; a checkpoint — every event up to this position was considered, those
 * left out included (the server sends one each time it has looked at a search window of events,
 * and one when it reaches the end of the log); or the news that the subscription has caught up
 * with the end of the log (EventStoreDB 23.10 and newer, KurrentDB).
 * @category driver
 * @since 0.3.0
 */
export type CatchUpMessage =
  | { readonly kind: 'event'; readonly record: ServerRecord }
  | { readonly kind: 'checkpoint'; readonly position: LogPosition }
  | { readonly kind: 'caught-up' }

/**
 * Where a catch-up subscription to `$all` starts (after this position, or at the start of the
 * log), what it lets through, and after how many considered events (`searchWindow`) the server
 * sends a page and a checkpoint.
 * @category driver
 * @since 0.3.0
 */
export interface CatchUpWindow {
  readonly after: LogPosition | 'start'
  readonly filter: LogFilter
  readonly searchWindow: number
}

/**
 * The calls the store makes; implemented once per client package.
 * @category driver
 * @since 0.2.0
 */
export interface EventStoreDbDriver {
  /** Append all of `records` or none, if the stream is at `expected`. */
  append(streamId: string, records: ReadonlyArray<ProposedRecord>, expected: ServerRevision): Promise<void>
  /**
   * One page of one stream's events, read to its end (a read left half-way keeps its gRPC call
   * open); rejects with the client's stream-not-found error for a missing stream.
   */
  readStream(streamId: string, window: ReadWindow<bigint | 'end'>): Promise<ReadonlyArray<ServerRecord>>
  /** One page of `$all`: every stream's events, system events included. */
  readAll(window: ReadWindow<LogPosition | 'start' | 'end'>): Promise<ReadonlyArray<ServerRecord>>
  /**
   * A catch-up subscription to `$all`, filtered on the server: its messages in order, in batches
   * of what has arrived, until the caller stops iterating, which cancels the call. Rejects with
   * the client's errors, and with its deadline error when the server stays silent for longer than
   * the driver's read timeout.
   */
  catchUpAll(window: CatchUpWindow): AsyncIterable<ReadonlyArray<CatchUpMessage>>
  /** Close the connection. */
  dispose(): Promise<void>
}
