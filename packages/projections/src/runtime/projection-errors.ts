/**
 * Why a projection run stopped short, as tagged values. The runtime returns them in an `Either`;
 * the batch they happened in was rolled back, rows and checkpoint together, so a new run
 * resumes at the last committed event.
 *
 * @module
 */
import { TaggedError, type StoreError } from '@account-ownership/core'

/**
 * A projection's `load`, `apply` or `save`, or the read-model database, failed inside a batch.
 * @category errors
 * @since 0.1.0
 */
export class ProjectionFailedError extends TaggedError('ProjectionFailedError') {
  /** The projection whose event failed, or `null` when the transaction itself failed. */
  readonly projection: string | null
  /** The global position of the event whose `apply` failed, or of the batch's last event. */
  readonly position: bigint
  constructor(projection: string | null, position: bigint, cause: unknown) {
    const what = projection === null ? 'committing the batch' : `projection ${projection}`
    super(`${what} failed at position ${position}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.projection = projection
    this.position = position
  }
}

/**
 * Another runtime moved the checkpoint while this one worked on the same batch; this batch was
 * rolled back so that no event is applied twice.
 * @category errors
 * @since 0.1.0
 */
export class CheckpointMovedError extends TaggedError('CheckpointMovedError') {
  readonly projection: string
  readonly expected: bigint
  constructor(projection: string, expected: bigint) {
    super(`checkpoint of ${projection} is no longer at ${expected}: is another runtime running it?`)
    this.projection = projection
    this.expected = expected
  }
}

/**
 * Any reason a run of the runtime ended in failure.
 * @category errors
 * @since 0.1.0
 */
export type ProjectionError = ProjectionFailedError | CheckpointMovedError | StoreError
