/**
 * Progress of a run, for the progress bar of a long rebuild (Neuaufbau): events done of the
 * total up to the head the run started with, and the rate so far.
 *
 * @module
 */

/**
 * A snapshot after each committed batch.
 * @category runtime
 * @since 0.1.0
 */
export interface Progress {
  /** Events of the log this run went past and committed, handled or not. */
  readonly done: number
  /**
   * Events between the run's start position and the head it was asked to reach. On a store whose
   * positions leave gaps (EventStoreDB) an estimate from the events read so far over the share of
   * positions passed, exact once the run reaches the head.
   */
  readonly total: number
  /** The global position every checkpoint of the runtime has reached. */
  readonly position: bigint
  /** Events per second since the run began. */
  readonly eventsPerSecond: number
}

/**
 * A source of monotonic milliseconds for the rate; `performance.now` by default.
 * @category runtime
 * @since 0.1.0
 */
export type Stopwatch = () => number

/**
 * Progress after `done` of `total` events, `elapsedMs` into the run.
 * @category runtime
 * @since 0.1.0
 */
export const progressOf = (done: number, total: number, position: bigint, elapsedMs: number): Progress => ({
  done,
  total,
  position,
  eventsPerSecond: elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0,
})
