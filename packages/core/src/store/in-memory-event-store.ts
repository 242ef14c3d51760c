/**
 * An event store in memory, for unit tests and examples. It keeps rows in the same serialised
 * form as the real adapters and decodes them the same way, so it behaves like them — but it is
 * gone with the process, and it is not what the adapters' tests stand on.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { systemClock, type Clock } from '../instant.js'
import { chainHash, genesisHash } from './event-chain.js'
import { currentSchema, type EventSchema } from './event-schema.js'
import type { AppendResult, EventStore, ReadAllOptions, ReadStreamOptions } from './event-store.js'
import { nextVersion, satisfies, type StreamVersion } from './expected-version.js'
import type { RecordedEvent } from './recorded-event.js'
import { classifyRepeat } from './repeated-append.js'
import { checkAppend, checkReadAll, checkReadStream } from './store-input.js'
import { decodeStoredEvent, recordedEventOf, type StoredEvent } from './stored-event.js'
import { ConcurrencyError, StoreUnavailableError } from './store-errors.js'
import { verifiedEvents } from './verified-read.js'

/**
 * Options of the in-memory store.
 * @category store
 * @since 0.1.0
 */
export interface InMemoryEventStoreOptions {
  /** Source of `recordedAt`; the wall clock by default. */
  readonly clock?: Clock
  readonly schema?: EventSchema
}

/**
 * A new, empty in-memory event store.
 * @category store
 * @since 0.1.0
 * @example
 * const store = inMemoryEventStore()
 */
export const inMemoryEventStore = (options: InMemoryEventStoreOptions = {}): EventStore => {
  const clock = options.clock ?? systemClock
  const schema = options.schema ?? currentSchema
  const log: StoredEvent[] = []
  const streams = new Map<string, StoredEvent[]>()
  const byEventId = new Map<string, StoredEvent>()
  let closed = false

  const decodeOrThrow = (row: StoredEvent): RecordedEvent => {
    const decoded = decodeStoredEvent(row, schema)
    if (E.isLeft(decoded)) throw decoded.left
    return decoded.right
  }
  const versionOf = (streamId: string): StreamVersion => {
    const rows = streams.get(streamId)
    return rows === undefined || rows.length === 0 ? 'no-stream' : rows[rows.length - 1]!.streamVersion
  }
  const resultOf = (rows: ReadonlyArray<StoredEvent>, events: ReadonlyArray<RecordedEvent>): AppendResult => ({
    nextExpectedVersion: rows[rows.length - 1]!.streamVersion,
    lastGlobalPosition: rows[rows.length - 1]!.globalPosition,
    events,
  })
  const unavailable = () => new StoreUnavailableError('the in-memory store is closed', false)
  async function* storedRows(readOptions?: ReadAllOptions): AsyncGenerator<StoredEvent> {
    if (closed) throw unavailable()
    const checked = checkReadAll(readOptions)
    if (E.isLeft(checked)) throw checked.left
    const { fromPosition, toPosition, skippedTypes } = checked.right
    const skipped: ReadonlySet<string> = new Set(skippedTypes)
    const head = BigInt(log.length)
    const last = toPosition === undefined || toPosition > head ? head : toPosition
    for (let p = fromPosition < 1n ? 1n : fromPosition; p <= last; p++) {
      const row = log[Number(p) - 1]!
      if (skipped.has(row.type)) continue
      const before = streams.get(row.streamId)![Number(row.streamVersion) - 1]
      yield { ...row, previousHash: before?.hash ?? genesisHash }
    }
  }
  async function* decoded(rows: AsyncIterable<StoredEvent>): AsyncGenerator<RecordedEvent> {
    for await (const row of rows) yield decodeOrThrow(row)
  }

  return {
    async append(streamId, events, appendOptions) {
      if (closed) return E.left(unavailable())
      const checked = checkAppend(streamId, events, appendOptions, schema)
      if (E.isLeft(checked)) return checked
      const { prepared, checked: decoded, expectedVersion } = checked.right
      const repeat = classifyRepeat(streamId, prepared, prepared.flatMap((p) => byEventId.get(p.eventId) ?? []))
      if (E.isLeft(repeat)) return repeat
      if (repeat.right !== 'new') {
        // The answer to a repeated append comes from the log; a row that no longer decodes cannot
        // be an answer, and an append returns its errors as values.
        const recorded = E.traverseArray((row: StoredEvent) => decodeStoredEvent(row, schema))(repeat.right)
        return E.isLeft(recorded)
          ? E.left(new StoreUnavailableError(recorded.left.message, false, { cause: recorded.left }))
          : E.right(resultOf(repeat.right, recorded.right))
      }
      const actual = versionOf(streamId)
      if (!satisfies(expectedVersion, actual)) return E.left(new ConcurrencyError(streamId, expectedVersion, actual))
      const recordedAt = clock()
      const first = nextVersion(actual)
      const stream = streams.get(streamId) ?? []
      let previous = stream[stream.length - 1]?.hash ?? genesisHash
      const rows = prepared.map((p, i): StoredEvent => {
        const row = { ...p, streamId, streamVersion: first + BigInt(i), globalPosition: BigInt(log.length + i + 1), recordedAt }
        previous = chainHash(previous, row)
        return { ...row, hash: previous }
      })
      stream.push(...rows)
      streams.set(streamId, stream)
      log.push(...rows)
      for (const row of rows) byEventId.set(row.eventId, row)
      return E.right(resultOf(rows, rows.map((row, i) => recordedEventOf(decoded[i]!, row))))
    },

    async *readStream(streamId, readOptions?: ReadStreamOptions) {
      if (closed) throw unavailable()
      const checked = checkReadStream(streamId, readOptions)
      if (E.isLeft(checked)) throw checked.left
      const { from, to } = checked.right
      for (const row of streams.get(streamId) ?? []) {
        if (row.streamVersion < from) continue
        if (to !== undefined && row.streamVersion > to) return
        yield decodeOrThrow(row)
      }
    },

    readAll(readOptions?: ReadAllOptions) {
      const rows = storedRows(readOptions)
      return readOptions?.verifyHashes === true ? verifiedEvents(rows, schema, readOptions.types !== undefined) : decoded(rows)
    },

    readStoredAll: storedRows,

    async streamVersion(streamId) {
      if (closed) return E.left(unavailable())
      const checked = checkReadStream(streamId)
      return E.isLeft(checked) ? checked : E.right(versionOf(checked.right.streamId))
    },

    async headPosition() {
      return closed ? E.left(unavailable()) : E.right(BigInt(log.length))
    },

    async close() {
      closed = true
    },
  }
}
