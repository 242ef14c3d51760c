/**
 * The event store port — the append-only log (Ereignisprotokoll) the whole library stands on.
 * Every adapter (in-memory, SQLite, PostgreSQL, EventStoreDB) implements it and passes the one
 * contract suite in `@account-ownership/core/testing`.
 *
 * Appends return their errors as values. Reads are async iterables that stream in batches and
 * reject with a `ReadError` (a corrupt row is never skipped).
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { DomainEventType } from '../domain-event.js'
import type { ExpectedVersion, StreamVersion } from './expected-version.js'
import type { NewEvent, RecordedEvent } from './recorded-event.js'
import type { StoredEvent } from './stored-event.js'
import type { AppendError, ReadError } from './store-errors.js'
import type { StreamId } from './stream-id.js'

/**
 * What an append recorded (or, for a repeated append of the same event ids, had recorded).
 * @category store
 * @since 0.1.0
 */
export interface AppendResult {
  /** The version of the stream's last event now: pass it as the next `expectedVersion`. */
  readonly nextExpectedVersion: bigint
  /** The global position of the last event of this append. */
  readonly lastGlobalPosition: bigint
  readonly events: ReadonlyArray<RecordedEvent>
}

/**
 * Options of an append.
 * @category store
 * @since 0.1.0
 */
export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion
}

/**
 * Which part of one stream to read; versions are inclusive.
 * @category store
 * @since 0.1.0
 */
export interface ReadStreamOptions {
  readonly from?: bigint
  readonly to?: bigint
  /** How many events an adapter fetches per round trip; memory stays bounded by it. */
  readonly batchSize?: number
}

/**
 * Which part of the whole log to read, in global order; positions are inclusive.
 * @category store
 * @since 0.1.0
 */
export interface ReadAllOptions {
  readonly fromPosition?: bigint
  readonly toPosition?: bigint
  readonly batchSize?: number
  /**
   * Recompute every event's chain hash from its stored bytes and its predecessor's hash while
   * reading, and reject with a `CorruptEventError` at the first that differs; `false` by default.
   * @since 0.2.0
   */
  readonly verifyHashes?: boolean
  /**
   * Only events of these types, filtered where the events are stored, so that the others are
   * neither sent nor decoded: what a projection reads when it handles a few types of a long log.
   * A row of a type this library does not know is still answered, and fails as corrupt, as it
   * would unfiltered. Positions keep their meaning; the events in between are simply not
   * answered, so a reader that accounts for every position (a checkpoint) counts up to the
   * `toPosition` it asked for, not to the last event it got. All types where absent.
   * @since 0.3.0
   */
  readonly types?: ReadonlyArray<DomainEventType>
}

/**
 * How a store numbers its log: `'contiguous'` — 1, 2, 3 … without gaps (in-memory, SQLite,
 * PostgreSQL) — or `'increasing'` — larger each time, with gaps (EventStoreDB's log offsets). In a
 * contiguous log a missing position is a removed event; in an increasing one it says nothing.
 * @category store
 * @since 0.3.0
 */
export type PositionModel = 'contiguous' | 'increasing'

/**
 * The event store port.
 * @category store
 * @since 0.1.0
 */
export interface EventStore {
  /**
   * How this store numbers its log, so that a verifier knows whether a gap is a finding;
   * `'contiguous'` where absent.
   * @since 0.3.0
   */
  readonly positions?: PositionModel
  /**
   * Append events to one stream, all or nothing, if the stream is at `expectedVersion`. An append
   * whose event ids are all recorded already, in this stream and order, is a repeat: it writes
   * nothing and answers with what was recorded the first time, whatever it carries now — the
   * event id is the idempotency key, as in EventStoreDB.
   */
  append(streamId: StreamId, events: ReadonlyArray<NewEvent>, options: AppendOptions): Promise<E.Either<AppendError, AppendResult>>
  /** The events of one stream in version order. */
  readStream(streamId: StreamId, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>
  /** Every event in global order, for projections and replays. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>
  /**
   * What `readAll` answers, in non-empty pages of at most `batchSize` events, where the store reads
   * in pages anyway; read it through `readAllPages(store, options)`, which cuts `readAll` into
   * pages for a store without it. A wrapper that changes what `readAll` answers (`{ ...store,
   * readAll }`) must change this too, or leave it out.
   * @since 0.3.0
   */
  readAllPages?(options?: ReadAllOptions): AsyncIterable<ReadonlyArray<RecordedEvent>>
  /**
   * Every event's row exactly as stored — the bytes, its chain hash and the hash of its
   * predecessor in its stream — in global order, undecoded: what a verifier, a proof or a copy
   * must look at, not what a codec makes of it. `verifyHashes` is ignored: checking is the
   * reader's work here.
   * @since 0.2.0
   */
  readStoredAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>
  /** The version of a stream's last event, or `'no-stream'`. */
  streamVersion(streamId: StreamId): Promise<E.Either<ReadError, StreamVersion>>
  /** The global position of the last recorded event, or `0n` for an empty log. */
  headPosition(): Promise<E.Either<ReadError, bigint>>
  /** Release what the store holds (connections, file handles). */
  close(): Promise<void>
}

/**
 * The batch size adapters use when a read names none.
 * @category store
 * @since 0.1.0
 */
export const defaultBatchSize = 500
