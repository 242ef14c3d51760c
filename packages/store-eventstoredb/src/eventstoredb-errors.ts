/**
 * What EventStoreDB/KurrentDB can say when the event log (Ereignisprotokoll) is written or read, in
 * the store's words. The client's errors carry a `type` (`wrong-expected-version`, `unavailable`,
 * …) and, where they come from gRPC, a status `code`; both clients (`@eventstore/db-client` and
 * `@kurrent/kurrentdb-client`) use the same names, so this module reads those fields and imports
 * neither.
 *
 * - a wrong expected version becomes a `ConcurrencyError` with the stream's actual version;
 * - a missing stream on read is an empty stream (the store asks `isStreamNotFound`);
 * - an unreachable node (gRPC 14 `UNAVAILABLE`), a deadline, a leader change or a timeout become a
 *   `StoreUnavailableError` that may be retried;
 * - an append over the server's size limit is an `InvalidStoreInputError` naming `events`;
 * - anything else (access denied, a deleted stream, an unknown failure) is a
 *   `StoreUnavailableError` that a retry does not cure.
 *
 * @module
 */
import { ConcurrencyError, InvalidStoreInputError, StoreUnavailableError, type ExpectedVersion, type StreamVersion } from '@account-ownership/core'

const typeOf = (e: unknown): string | undefined => {
  const type = typeof e === 'object' && e !== null ? (e as { type?: unknown }).type : undefined
  return typeof type === 'string' ? type : undefined
}

const codeOf = (e: unknown): number | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  return typeof code === 'number' ? code : undefined
}

// The client's error types after which the same call can succeed: the node comes back, a new
// leader is elected, the server is less busy.
const retryableTypes = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled'])

// gRPC status codes of a failure the client did not classify: 4 DEADLINE_EXCEEDED,
// 8 RESOURCE_EXHAUSTED, 10 ABORTED, 14 UNAVAILABLE.
const retryableCodes = new Set([4, 8, 10, 14])

/**
 * Whether a client error says the stream was not at the revision the append expected.
 * @category errors
 * @since 0.2.0
 */
export const isWrongExpectedVersion = (e: unknown): boolean => typeOf(e) === 'wrong-expected-version'

/**
 * Whether a client error says a read found no such stream.
 * @category errors
 * @since 0.2.0
 */
export const isStreamNotFound = (e: unknown): boolean => typeOf(e) === 'stream-not-found'

/**
 * The actual version a wrong-expected-version error reports: `'no-stream'` where the client says
 * `no_stream` (or a negative revision), the revision otherwise.
 * @category errors
 * @since 0.2.0
 */
export const actualVersionOf = (e: unknown): StreamVersion => {
  const actual = typeof e === 'object' && e !== null ? (e as { actualVersion?: unknown }).actualVersion : undefined
  return typeof actual === 'bigint' && actual >= 0n ? actual : 'no-stream'
}

/**
 * The `ConcurrencyError` of a wrong-expected-version error, with the version the caller expected.
 * @category errors
 * @since 0.2.0
 */
export const concurrencyErrorOf = (e: unknown, streamId: string, expected: ExpectedVersion): ConcurrencyError =>
  new ConcurrencyError(streamId, expected, actualVersionOf(e))

/**
 * The store error of any other client failure.
 * @category errors
 * @since 0.2.0
 */
export const storeErrorOfEventStoreDb = (e: unknown): StoreUnavailableError | InvalidStoreInputError => {
  const type = typeOf(e)
  const code = codeOf(e)
  const message = e instanceof Error ? e.message : String(e)
  if (type === 'maximum-append-size-exceeded') return new InvalidStoreInputError('events', 'the append is larger than the server accepts in one write')
  const retryable = (type !== undefined && retryableTypes.has(type)) || (type === undefined && code !== undefined && retryableCodes.has(code))
  const what = type ?? (code !== undefined ? `grpc-${code}` : 'unknown')
  return new StoreUnavailableError(`EventStoreDB ${what}: ${message}`, retryable, { cause: e })
}
