/**
 * What can go wrong in an event store, as tagged values. Adapters map their driver's failures
 * (SQLITE_BUSY, pg 40001, gRPC UNAVAILABLE, …) to these and nothing else. They extend `Error` so
 * that an async iteration can reject with them and keep a stack; everywhere else they travel as
 * values in an `Either`.
 *
 * @module
 */
import { showProblems, type FieldProblem } from '../field-problem.js'
import { TaggedError } from '../tagged-error.js'
import type { ExpectedVersion, StreamVersion } from './expected-version.js'
import { showVersion } from './expected-version.js'

/**
 * The stream was not at the expected version: somebody else appended first.
 * @category errors
 * @since 0.1.0
 */
export class ConcurrencyError extends TaggedError('ConcurrencyError') {
  readonly streamId: string
  readonly expected: ExpectedVersion
  readonly actual: StreamVersion
  constructor(streamId: string, expected: ExpectedVersion, actual: StreamVersion) {
    super(`stream ${streamId}: expected version ${showVersion(expected)}, actual ${showVersion(actual)}`)
    this.streamId = streamId
    this.expected = expected
    this.actual = actual
  }
}

/**
 * The store could not be reached or is busy. `retryable` says whether trying again can help.
 * @category errors
 * @since 0.1.0
 */
export class StoreUnavailableError extends TaggedError('StoreUnavailableError') {
  readonly retryable: boolean
  readonly reason: string
  constructor(reason: string, retryable: boolean, options?: { cause?: unknown }) {
    super(`event store unavailable (${retryable ? 'retryable' : 'not retryable'}): ${reason}`, options)
    this.retryable = retryable
    this.reason = reason
  }
}

/**
 * A stored event no longer decodes. Never skipped: a log with a hole is not an audit trail.
 * @category errors
 * @since 0.1.0
 */
export class CorruptEventError extends TaggedError('CorruptEventError') {
  readonly streamId: string
  readonly streamVersion: bigint
  readonly globalPosition: bigint
  readonly reason: string
  constructor(at: { streamId: string; streamVersion: bigint; globalPosition: bigint }, reason: string) {
    super(`corrupt event in ${at.streamId} at version ${at.streamVersion} (position ${at.globalPosition}): ${reason}`)
    this.streamId = at.streamId
    this.streamVersion = at.streamVersion
    this.globalPosition = at.globalPosition
    this.reason = reason
  }
}

/**
 * An event id is already recorded, but not as this same append (another stream, another place).
 * @category errors
 * @since 0.1.0
 */
export class DuplicateEventError extends TaggedError('DuplicateEventError') {
  readonly eventId: string
  readonly streamId: string
  constructor(eventId: string, streamId: string) {
    super(`event ${eventId} is already recorded elsewhere than this append to ${streamId}`)
    this.eventId = eventId
    this.streamId = streamId
  }
}

/**
 * A store call got input it cannot take; `field` names the (first) offending part, `problems`
 * lists every one, and the message names each path.
 * @category errors
 * @since 0.1.0
 */
export class InvalidStoreInputError extends TaggedError('InvalidStoreInputError') {
  readonly field: string
  readonly reason: string
  /** @since 0.2.0 */
  readonly problems: ReadonlyArray<FieldProblem>
  constructor(field: string, reason: string, problems: ReadonlyArray<FieldProblem> = [{ field, message: reason }]) {
    super(problems.length > 1 ? `invalid input: ${showProblems(problems)}` : `invalid ${field}: ${reason}`)
    this.field = field
    this.reason = reason
    this.problems = problems
  }
}

/**
 * Any error of an append.
 * @category errors
 * @since 0.1.0
 */
export type AppendError = ConcurrencyError | StoreUnavailableError | DuplicateEventError | InvalidStoreInputError

/**
 * Any error a read can reject with.
 * @category errors
 * @since 0.1.0
 */
export type ReadError = CorruptEventError | StoreUnavailableError | InvalidStoreInputError

/**
 * Any store error.
 * @category errors
 * @since 0.1.0
 */
export type StoreError = AppendError | ReadError

const storeTags = new Set(['ConcurrencyError', 'StoreUnavailableError', 'CorruptEventError', 'DuplicateEventError', 'InvalidStoreInputError'])

/**
 * Whether a thrown value is one of the store's tagged errors.
 * @category errors
 * @since 0.1.0
 */
export const isStoreError = (u: unknown): u is StoreError =>
  typeof u === 'object' && u !== null && storeTags.has((u as { _tag?: unknown })._tag as string)
