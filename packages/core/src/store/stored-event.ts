/**
 * The one row format every adapter stores, and the one way back from it. Payload and metadata
 * are JSON text; versions and positions are `bigint`. Encoding checks a new event against its
 * codec before anything is written; decoding upcasts and checks a stored row, and a row that
 * fails becomes a `CorruptEventError` naming its stream, version and position.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { decodeDomainEvent } from '../domain-event.js'
import { decodeWith } from '../field-problem.js'
import { Instant } from '../instant.js'
import type { EventSchema } from './event-schema.js'
import { EventMetadata, type NewEvent, type RecordedEvent } from './recorded-event.js'
import { CorruptEventError, InvalidStoreInputError } from './store-errors.js'
import type { StreamId } from './stream-id.js'

/**
 * A new event checked and serialised, ready for an adapter to insert.
 * @category store
 * @since 0.1.0
 */
export interface PreparedEvent {
  readonly eventId: string
  readonly type: string
  readonly schemaVersion: number
  readonly data: string
  readonly metadata: string
}

/**
 * A row as an adapter reads it back.
 * @category store
 * @since 0.1.0
 */
export interface StoredEvent extends PreparedEvent {
  readonly streamId: string
  readonly streamVersion: bigint
  readonly globalPosition: bigint
  readonly recordedAt: string
  /** The event's link in its stream's hash chain (`chainHash`); absent where an adapter keeps none. */
  readonly hash?: string
}

/**
 * Check and serialise the events of one append; the first bad field fails the whole batch.
 * @category store
 * @since 0.1.0
 */
export const prepareEvents = (
  events: ReadonlyArray<NewEvent>,
  schema: EventSchema,
): E.Either<InvalidStoreInputError, ReadonlyArray<PreparedEvent>> => {
  if (!Array.isArray(events) || events.length === 0) {
    return E.left(new InvalidStoreInputError('events', 'an append needs at least one event'))
  }
  const prepared: PreparedEvent[] = []
  const seen = new Set<string>()
  for (const [i, raw] of events.entries()) {
    const event = decodeDomainEvent(`events[${i}]`)(raw)
    if (E.isLeft(event)) return E.left(new InvalidStoreInputError(event.left.field, event.left.message))
    const metadata = decodeWith(EventMetadata, `events[${i}].metadata`)((raw as { metadata?: unknown }).metadata)
    if (E.isLeft(metadata)) return E.left(new InvalidStoreInputError(metadata.left.field, metadata.left.message))
    if (seen.has(metadata.right.eventId)) {
      return E.left(new InvalidStoreInputError(`events[${i}].metadata.eventId`, `${metadata.right.eventId} appears twice in one append`))
    }
    seen.add(metadata.right.eventId)
    prepared.push({
      eventId: metadata.right.eventId,
      type: event.right.type,
      schemaVersion: schema.currentVersion(event.right.type),
      data: JSON.stringify(event.right.data),
      metadata: JSON.stringify(EventMetadata.encode(metadata.right)),
    })
  }
  return E.right(prepared)
}

const parseJson = (text: string, what: string): E.Either<string, unknown> =>
  E.tryCatch(
    () => JSON.parse(text) as unknown,
    (e) => `${what} is not JSON (${e instanceof Error ? e.message : String(e)})`,
  )

/**
 * Turn a stored row back into a recorded event, or say precisely why it cannot be.
 * @category store
 * @since 0.1.0
 */
export const decodeStoredEvent = (row: StoredEvent, schema: EventSchema): E.Either<CorruptEventError, RecordedEvent> => {
  const corrupt = (reason: string) => new CorruptEventError(row, reason)
  const problem = (p: { field: string; message: string }) => `${p.field}: ${p.message}`
  return pipe(
    E.Do,
    E.bind('rawData', () => parseJson(row.data, 'data')),
    E.bind('rawMetadata', () => parseJson(row.metadata, 'metadata')),
    E.bind('data', ({ rawData }) => schema.upcast(row.type, row.schemaVersion, rawData)),
    E.bind('event', ({ data }) => pipe(decodeDomainEvent()({ type: row.type, data }), E.mapLeft(problem))),
    E.bind('metadata', ({ rawMetadata }) => pipe(decodeWith(EventMetadata, 'metadata')(rawMetadata), E.mapLeft(problem))),
    E.bind('recordedAt', () => pipe(decodeWith(Instant, 'recordedAt')(row.recordedAt), E.mapLeft(problem))),
    E.filterOrElseW(
      ({ metadata }) => metadata.eventId === row.eventId,
      ({ metadata }) => `metadata.eventId ${metadata.eventId} differs from the row's ${row.eventId}`,
    ),
    E.map(({ event, metadata, recordedAt }) => ({
      ...event,
      metadata: {
        ...metadata,
        streamId: row.streamId as StreamId,
        streamVersion: row.streamVersion,
        globalPosition: row.globalPosition,
        recordedAt,
        schemaVersion: row.schemaVersion,
      },
    })),
    E.mapLeft(corrupt),
  )
}
