/**
 * Checks of what callers hand to a store, shared by every adapter so that every adapter refuses
 * the same bad input with the same `InvalidStoreInputError`, before anything is written.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { domainEventCodecs, type DomainEventType } from '../domain-event.js'
import type { EventSchema } from './event-schema.js'
import { defaultBatchSize, type AppendOptions, type ReadAllOptions, type ReadStreamOptions } from './event-store.js'
import type { ExpectedVersion } from './expected-version.js'
import type { NewEvent } from './recorded-event.js'
import { checkAndPrepareEvents, type CheckedEvent, type PreparedEvent } from './stored-event.js'
import { describeValue } from '../value-description.js'
import { InvalidStoreInputError } from './store-errors.js'
import { StreamId } from './stream-id.js'

const isExpectedVersion = (u: unknown): u is ExpectedVersion =>
  u === 'no-stream' || u === 'exists' || u === 'any' || (typeof u === 'bigint' && u >= 0n)

const checkStreamId = (u: unknown): E.Either<InvalidStoreInputError, StreamId> =>
  StreamId.is(u) ? E.right(u) : E.left(new InvalidStoreInputError('streamId', `expected a stream id like account-<id> (a family, a dash, an id of letters, digits, ".", "_", ":", "-"), got ${describeValue(u)}`))

const checkBatchSize = (n: unknown): E.Either<InvalidStoreInputError, number> =>
  n === undefined
    ? E.right(defaultBatchSize)
    : typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 100_000
      ? E.right(n)
      : E.left(new InvalidStoreInputError('batchSize', `expected an integer from 1 to 100000, got ${describeValue(n)}`))

const knownTypes: ReadonlyArray<DomainEventType> = domainEventCodecs.map((codec) => codec.name as DomainEventType)

// A filter that names no type would read nothing, and one with a misspelt type would silently
// read less: both are mistakes, so both are refused. What the adapters get is the complement —
// the known types to leave out — so that a row of a type this library does not know (a damaged
// row, or one a newer release wrote) is still read, and fails to decode as it would unfiltered,
// instead of vanishing from a filtered read.
const checkTypes = (types: unknown): E.Either<InvalidStoreInputError, ReadonlyArray<DomainEventType> | undefined> => {
  if (types === undefined) return E.right(undefined)
  if (!Array.isArray(types) || types.length === 0) return E.left(new InvalidStoreInputError('types', `expected a non-empty array of event types, got ${describeValue(types)}`))
  const unknown = types.findIndex((type) => typeof type !== 'string' || !knownTypes.includes(type as DomainEventType))
  if (unknown >= 0) return E.left(new InvalidStoreInputError(`types[${unknown}]`, `expected an event type such as AccountOpened, got ${describeValue(types[unknown])}`))
  const skipped = knownTypes.filter((type) => !types.includes(type))
  return E.right(skipped.length === 0 ? undefined : skipped)
}

const checkPosition = (field: string, n: unknown, fallback: bigint): E.Either<InvalidStoreInputError, bigint> =>
  n === undefined
    ? E.right(fallback)
    : typeof n === 'bigint' && n >= 0n
      ? E.right(n)
      : E.left(new InvalidStoreInputError(field, `expected a bigint >= 0n, got ${typeof n === 'bigint' ? `${n}n` : describeValue(n)}`))

/**
 * An append checked: a valid stream id, a valid expected version, events that pass their codecs
 * (decoded, to answer the append with, and serialised, to write).
 * @category store
 * @since 0.1.0
 */
export const checkAppend = (
  streamId: unknown,
  events: ReadonlyArray<NewEvent>,
  options: AppendOptions | undefined,
  schema: EventSchema,
): E.Either<
  InvalidStoreInputError,
  { streamId: StreamId; expectedVersion: ExpectedVersion; checked: ReadonlyArray<CheckedEvent>; prepared: ReadonlyArray<PreparedEvent> }
> => {
  const id = checkStreamId(streamId)
  if (E.isLeft(id)) return id
  if (options !== undefined && (typeof options !== 'object' || options === null)) return E.left(new InvalidStoreInputError('options', 'expected { expectedVersion }'))
  const expectedVersion: unknown = options?.expectedVersion
  if (!isExpectedVersion(expectedVersion)) {
    return E.left(new InvalidStoreInputError('expectedVersion', `expected a bigint >= 0n, 'no-stream', 'exists' or 'any', got ${typeof expectedVersion === 'bigint' ? `${expectedVersion}n` : describeValue(expectedVersion)}`))
  }
  const checked = checkAndPrepareEvents(events, schema)
  if (E.isLeft(checked)) return checked
  return E.right({ streamId: id.right, expectedVersion, ...checked.right })
}

/**
 * A stream read checked: inclusive version bounds and a batch size.
 * @category store
 * @since 0.1.0
 */
export const checkReadStream = (
  streamId: unknown,
  options: ReadStreamOptions = {},
): E.Either<InvalidStoreInputError, { streamId: StreamId; from: bigint; to: bigint | undefined; batchSize: number }> => {
  const id = checkStreamId(streamId)
  if (E.isLeft(id)) return id
  if (typeof options !== 'object' || options === null) return E.left(new InvalidStoreInputError('options', 'expected an object of read options'))
  const from = checkPosition('from', options.from, 0n)
  if (E.isLeft(from)) return from
  const to = options.to === undefined ? E.right(undefined) : checkPosition('to', options.to, 0n)
  if (E.isLeft(to)) return to
  const batchSize = checkBatchSize(options.batchSize)
  if (E.isLeft(batchSize)) return batchSize
  return E.right({ streamId: id.right, from: from.right, to: to.right, batchSize: batchSize.right })
}

/**
 * A read of the whole log checked: inclusive position bounds (positions start at 1), a batch size
 * and, for a read by type, the known event types it leaves out (`skippedTypes`; `undefined`: none).
 * @category store
 * @since 0.1.0
 */
export const checkReadAll = (
  options: ReadAllOptions = {},
): E.Either<
  InvalidStoreInputError,
  { fromPosition: bigint; toPosition: bigint | undefined; batchSize: number; verifyHashes: boolean; skippedTypes: ReadonlyArray<DomainEventType> | undefined }
> => {
  if (typeof options !== 'object' || options === null) return E.left(new InvalidStoreInputError('options', 'expected an object of read options'))
  const verifyHashes: unknown = options.verifyHashes
  if (verifyHashes !== undefined && typeof verifyHashes !== 'boolean') return E.left(new InvalidStoreInputError('verifyHashes', 'expected true or false'))
  const from = checkPosition('fromPosition', options.fromPosition, 1n)
  if (E.isLeft(from)) return from
  const to = options.toPosition === undefined ? E.right(undefined) : checkPosition('toPosition', options.toPosition, 0n)
  if (E.isLeft(to)) return to
  const batchSize = checkBatchSize(options.batchSize)
  if (E.isLeft(batchSize)) return batchSize
  const types = checkTypes(options.types)
  if (E.isLeft(types)) return types
  return E.right({ fromPosition: from.right, toPosition: to.right, batchSize: batchSize.right, verifyHashes: verifyHashes === true, skippedTypes: types.right })
}
