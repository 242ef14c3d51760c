/**
 * The one row format every adapter stores, and the one way back from it. Payload and metadata
 * are JSON text; versions and positions are `bigint`. Encoding checks a new event against its
 * codec before anything is written; decoding upcasts and checks a stored row, and a row that
 * fails becomes a `CorruptEventError` naming its stream, version and position.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { decodeDomainEvent, domainEventCodecs, type DomainEvent } from '../domain-event.js'
import { decodeWith, type FieldProblem, type FieldProblems } from '../field-problem.js'
import { describeValue } from '../value-description.js'
import { Instant } from '../instant.js'
import { chainedTextFields } from './event-chain.js'
import type { EventSchema } from './event-schema.js'
import { alreadyEncoded } from './already-encoded.js'
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
  /**
   * The hash of the event before it in its stream (`genesisHash` for version 0), as `readStoredAll`
   * answers, so that each row can be checked on its own.
   * @since 0.2.0
   */
  readonly previousHash?: string
}

const codecByType = new Map(domainEventCodecs.map((codec) => [codec.name, codec as t.Mixed]))
const encodedByType = new Map(domainEventCodecs.map((codec) => [codec.name, alreadyEncoded(codec)]))
const metadataEncoded = alreadyEncoded(EventMetadata)

/**
 * A new event after its codecs checked it: what it is and its metadata, decoded.
 * @category store
 * @since 0.1.0
 */
export interface CheckedEvent {
  readonly event: DomainEvent
  readonly metadata: EventMetadata
}

/*
 * Input already in canonical form passes its codec's `is` check, and is written as it is where
 * encoding it would change nothing (`already-encoded.ts`); where it carries a field the codec
 * does not name, encoding strips it, as decoding would. Anything else is decoded, which also
 * normalises it (instants) or names the first bad field.
 */
const inputEvent = (raw: NewEvent, i: number): E.Either<FieldProblems, DomainEvent> => {
  const type = (raw as { type?: unknown }).type as string
  const codec = codecByType.get(type)
  if (codec !== undefined) {
    const candidate = { type, data: raw.data }
    if (codec.is(candidate)) return E.right((encodedByType.get(type)!(candidate) ? candidate : codec.encode(candidate)) as DomainEvent)
  }
  return decodeDomainEvent(`events[${i}]`)(raw)
}

/* The metadata in the form it is written in: encoded, as the event's data is. */
const inputMetadata = (raw: unknown, i: number): E.Either<FieldProblems, EventMetadata> => {
  if (EventMetadata.is(raw)) return E.right(metadataEncoded(raw) ? raw : (EventMetadata.encode(raw) as EventMetadata))
  return E.map((decoded: EventMetadata) => EventMetadata.encode(decoded) as EventMetadata)(decodeWith(EventMetadata, `events[${i}].metadata`)(raw))
}

/**
 * The largest event one append takes: 64 KiB of UTF-8, its data and metadata serialised.
 * @category store
 * @since 0.2.0
 */
export const maxEventBytes = 64 * 1024

/* A checked event with its data and metadata as the JSON text the size check measured and the row stores. */
interface CheckedInput {
  readonly checked: CheckedEvent
  readonly data: string
  readonly metadata: string
}

/* One event's problems: its shape, its metadata and its size; none when it is fine. */
const checkEvent = (raw: unknown, i: number): E.Either<ReadonlyArray<FieldProblem>, CheckedInput> => {
  if (typeof raw !== 'object' || raw === null) return E.left([{ field: `events[${i}]`, message: `expected an event { type, data, metadata }, got ${describeValue(raw)}` }])
  try {
    const event = inputEvent(raw as NewEvent, i)
    const metadata = inputMetadata((raw as { metadata?: unknown }).metadata, i)
    if (E.isLeft(event) || E.isLeft(metadata)) return E.left([...(E.isLeft(event) ? event.left.problems : []), ...(E.isLeft(metadata) ? metadata.left.problems : [])])
    const data = JSON.stringify(event.right.data)
    const metadataJson = JSON.stringify(metadata.right)
    const bytes = Buffer.byteLength(data, 'utf8') + Buffer.byteLength(metadataJson, 'utf8')
    if (bytes > maxEventBytes) return E.left([{ field: `events[${i}]`, message: `expected an event of at most ${maxEventBytes} bytes serialised, got ${bytes} bytes` }])
    return E.right({ checked: { event: event.right, metadata: metadata.right }, data, metadata: metadataJson })
  } catch {
    return E.left([{ field: `events[${i}]`, message: 'could not be read (reading one of its properties threw)' }])
  }
}

/*
 * The events of one append checked, each with the JSON its size was measured on, so that the row
 * is written from that same text instead of serialising every event a second time.
 */
const checkInputs = (events: ReadonlyArray<NewEvent>): E.Either<InvalidStoreInputError, ReadonlyArray<CheckedInput>> => {
  if (!Array.isArray(events) || events.length === 0) {
    return E.left(new InvalidStoreInputError('events', 'an append needs at least one event'))
  }
  const checked: CheckedInput[] = []
  const problems: FieldProblem[] = []
  const seen = new Set<string>()
  for (let i = 0; i < events.length; i++) {
    const event = checkEvent(events[i], i)
    if (E.isLeft(event)) {
      problems.push(...event.left)
      continue
    }
    const { eventId } = event.right.checked.metadata
    if (seen.has(eventId)) problems.push({ field: `events[${i}].metadata.eventId`, message: 'appears twice in one append' })
    seen.add(eventId)
    checked.push(event.right)
  }
  const [first, ...rest] = problems
  return first === undefined ? E.right(checked) : E.left(new InvalidStoreInputError(first.field, first.message, [first, ...rest]))
}

/**
 * Check the events of one append against their codecs and the size limit; any bad field fails the
 * whole batch, and the error lists every problem of every event.
 * @category store
 * @since 0.1.0
 */
export const checkEvents = (events: ReadonlyArray<NewEvent>): E.Either<InvalidStoreInputError, ReadonlyArray<CheckedEvent>> =>
  E.map((inputs: ReadonlyArray<CheckedInput>) => inputs.map((input) => input.checked))(checkInputs(events))

/**
 * A checked event in the row format, in the current schema version of its type.
 * @category store
 * @since 0.1.0
 */
export const serializeEvent = ({ event, metadata }: CheckedEvent, schema: EventSchema): PreparedEvent => ({
  eventId: metadata.eventId,
  type: event.type,
  schemaVersion: schema.currentVersion(event.type),
  data: JSON.stringify(event.data),
  metadata: JSON.stringify(EventMetadata.encode(metadata)),
})

const preparedOf = ({ checked, data, metadata }: CheckedInput, schema: EventSchema): PreparedEvent => ({
  eventId: checked.metadata.eventId,
  type: checked.event.type,
  schemaVersion: schema.currentVersion(checked.event.type),
  data,
  metadata,
})

/**
 * Check the events of one append and serialise them: each checked event beside its row. The
 * first bad field fails the whole batch, as in `checkEvents`.
 * @category store
 * @since 0.3.0
 */
export const checkAndPrepareEvents = (
  events: ReadonlyArray<NewEvent>,
  schema: EventSchema,
): E.Either<InvalidStoreInputError, { readonly checked: ReadonlyArray<CheckedEvent>; readonly prepared: ReadonlyArray<PreparedEvent> }> =>
  E.map((inputs: ReadonlyArray<CheckedInput>) => ({ checked: inputs.map((input) => input.checked), prepared: inputs.map((input) => preparedOf(input, schema)) }))(checkInputs(events))

/**
 * Check and serialise the events of one append; the first bad field fails the whole batch.
 * @category store
 * @since 0.1.0
 */
export const prepareEvents = (events: ReadonlyArray<NewEvent>, schema: EventSchema): E.Either<InvalidStoreInputError, ReadonlyArray<PreparedEvent>> =>
  E.map((inputs: ReadonlyArray<CheckedInput>) => inputs.map((input) => preparedOf(input, schema)))(checkInputs(events))

/**
 * The recorded event of a checked event the store has just written as `row`: the answer to an
 * append, built without decoding the row it wrote a moment ago.
 * @category store
 * @since 0.1.0
 */
export const recordedEventOf = ({ event, metadata }: CheckedEvent, row: StoredEvent): RecordedEvent => ({
  ...event,
  metadata: {
    ...metadata,
    streamId: row.streamId as StreamId,
    streamVersion: row.streamVersion,
    globalPosition: row.globalPosition,
    recordedAt: row.recordedAt as Instant,
    schemaVersion: row.schemaVersion,
  },
})

const parseJson = (text: string, what: string): E.Either<string, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown)
  } catch (e) {
    return E.left(`${what} is not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
}

const decodeEvent = decodeDomainEvent()
const decodeMetadata = decodeWith(EventMetadata, 'metadata')
const show = (p: FieldProblem) => `${p.field}: ${p.message}`

/*
 * Replays decode every row, so the common case must be cheap: a row this library wrote passes
 * its codec's `is` check, and only a row that fails it is decoded again to say precisely why.
 */
const checkedEvent = (type: string, data: unknown): E.Either<string, DomainEvent> => {
  const candidate = { type, data }
  if (codecByType.get(type)?.is(candidate) === true) return E.right(candidate as DomainEvent)
  return E.mapLeft(show)(decodeEvent(candidate))
}

const checkedMetadata = (raw: unknown): E.Either<string, EventMetadata> =>
  EventMetadata.is(raw) ? E.right(raw) : E.mapLeft(show)(decodeMetadata(raw))

/**
 * What is wrong with the shape of a stored row — a field not of the type the one row format
 * gives it: text, a `bigint` version and position, a whole schema version — or `undefined` where
 * nothing is. A damaged file or a row written around the store can hand back a null, a number,
 * bytes or a text where the format has something else; such a row is corrupt, whatever its
 * payload says.
 * @category store
 * @since 0.4.0
 */
export const storedRowProblem = (row: StoredEvent): string | undefined => {
  for (const field of chainedTextFields) if (typeof row[field] !== 'string') return `${field}: expected text, got ${describeValue(row[field])}`
  if (typeof row.streamVersion !== 'bigint') return `streamVersion: expected an integer, got ${describeValue(row.streamVersion)}`
  if (typeof row.globalPosition !== 'bigint') return `globalPosition: expected an integer, got ${describeValue(row.globalPosition)}`
  if (!Number.isSafeInteger(row.schemaVersion)) return `schemaVersion: expected a whole number, got ${describeValue(row.schemaVersion)}`
  return undefined
}

/**
 * Whether a stored row decodes to exactly what it stores: of the row format's shape, at its
 * type's current schema version (where upcasting leaves the payload as it is), its payload and
 * metadata passing their codecs as they are (nothing to normalise, as an instant in another
 * offset would be), its metadata naming its event id. Then `decodeStoredEvent` answers the row's
 * own JSON, and a reader on another thread may be handed that JSON instead of the decoded event.
 * @category store
 * @since 0.4.0
 */
export const decodesAsStored = (row: StoredEvent, schema: Pick<EventSchema, 'currentVersion'>): boolean => {
  if (storedRowProblem(row) !== undefined || row.schemaVersion !== schema.currentVersion(row.type) || !Instant.is(row.recordedAt)) return false
  const data = parseJson(row.data, 'data')
  const metadata = parseJson(row.metadata, 'metadata')
  if (E.isLeft(data) || E.isLeft(metadata)) return false
  return codecByType.get(row.type)?.is({ type: row.type, data: data.right }) === true && EventMetadata.is(metadata.right) && metadata.right.eventId === row.eventId
}

/**
 * Turn a stored row back into a recorded event, or say precisely why it cannot be.
 * @category store
 * @since 0.1.0
 */
export const decodeStoredEvent = (row: StoredEvent, schema: EventSchema): E.Either<CorruptEventError, RecordedEvent> => {
  const corrupt = (reason: string) => E.left(new CorruptEventError(row, reason))
  const shape = storedRowProblem(row)
  if (shape !== undefined) return corrupt(shape)
  const rawData = parseJson(row.data, 'data')
  if (E.isLeft(rawData)) return corrupt(rawData.left)
  const rawMetadata = parseJson(row.metadata, 'metadata')
  if (E.isLeft(rawMetadata)) return corrupt(rawMetadata.left)
  const data = schema.upcast(row.type, row.schemaVersion, rawData.right)
  if (E.isLeft(data)) return corrupt(data.left)
  const event = checkedEvent(row.type, data.right)
  if (E.isLeft(event)) return corrupt(event.left)
  const metadata = checkedMetadata(rawMetadata.right)
  if (E.isLeft(metadata)) return corrupt(metadata.left)
  if (!Instant.is(row.recordedAt)) return corrupt(`recordedAt: expected an Instant, got ${JSON.stringify(row.recordedAt)}`)
  if (metadata.right.eventId !== row.eventId) return corrupt(`metadata.eventId ${metadata.right.eventId} differs from the row's ${row.eventId}`)
  // The metadata object was parsed by this call and belongs to nobody else, so it is completed in
  // place instead of copied: a rebuild decodes a million of them.
  const recorded = metadata.right as Mutable<RecordedEvent['metadata']>
  recorded.streamId = row.streamId as StreamId
  recorded.streamVersion = row.streamVersion
  recorded.globalPosition = row.globalPosition
  recorded.recordedAt = row.recordedAt
  recorded.schemaVersion = row.schemaVersion
  return E.right({ type: event.right.type, data: event.right.data, metadata: recorded } as RecordedEvent)
}

type Mutable<A> = { -readonly [K in keyof A]: A[K] }
