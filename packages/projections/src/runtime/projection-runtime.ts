/**
 * The projection runtime (Projektionslauf): reads the log from the lowest checkpoint of its
 * projections, in batches, and commits each batch with the checkpoints in one transaction —
 * exactly once per read model, whatever crashes in between. Catch-up runs to the head it saw at
 * the start; live mode polls for more; `stop()` lets the current batch finish.
 *
 * @module
 */
import { defaultBatchSize, isStoreError, readAllPages, type DomainEventType, type EventStore } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { applyBatch } from './apply-batch.js'
import { prepareCheckpoint } from './checkpoints.js'
import { CheckpointMovedError, ProjectionFailedError, type ProjectionError } from './projection-errors.js'
import type { Projection } from './projection.js'
import { progressOf, type Progress, type Stopwatch } from './progress.js'
import { interruptibleSleep } from './sleep.js'

/**
 * What a runtime runs. The database type comes from `db` alone: any set of projections runs on
 * one database whose type holds the tables of each (e.g. `Kysely<ReadModels & AuditTables>`),
 * and a projection whose tables the type lacks is a type error.
 * @category runtime
 * @since 0.1.0
 */
export interface ProjectionRuntimeConfig<DB> {
  readonly store: EventStore
  /** The read-model database; checkpoints live in it beside the tables. */
  readonly db: Kysely<DB>
  /** Each typed on its own tables; `NoInfer` keeps them from narrowing the database type. */
  readonly projections: ReadonlyArray<Projection<NoInfer<DB>>>
  /** Events per transaction; 500 by default. */
  readonly batchSize?: number
  /**
   * Events read and folded at a time: a batch is read in slices of this many while its
   * transaction is open, each slice folded before the next is read, so that the runtime holds
   * one slice of events instead of a whole batch. 100 by default; larger spares a few statements
   * per batch (a rebuild's CPU −8 % at 1000) and costs memory (its peak RSS +100 MB at 1000).
   * @since 0.3.0
   */
  readonly sliceSize?: number
  /** Called after every committed batch. */
  readonly onProgress?: (progress: Progress) => void
  readonly stopwatch?: Stopwatch
  /**
   * Where live mode learns of new commits as they happen (the PostgreSQL store's
   * `subscribeToCommits`, LISTEN/NOTIFY), so it reads at once instead of at the next poll; polling
   * stays the fallback when the subscription fails or misses one.
   * @since 0.2.0
   */
  readonly commits?: {
    /** Call `onCommit` after each commit, until the answered `unsubscribe` is called. */
    readonly subscribeToCommits: (onCommit: () => void) => Promise<E.Either<Error, () => Promise<void>>>
  }
}

/**
 * How a run ended without failure.
 * @category runtime
 * @since 0.1.0
 */
export interface RunOutcome {
  /** The lowest checkpoint of the runtime's projections. */
  readonly position: bigint
  /**
   * The events this run went past, handled or not. On a store whose positions leave gaps
   * (EventStoreDB) the events it read, which are all of them there.
   */
  readonly done: number
  /** `true` when `stop()` ended the run before it reached the head. */
  readonly stopped: boolean
}

/**
 * A running read-model updater; one run at a time.
 * @category runtime
 * @since 0.1.0
 */
export interface ProjectionRuntime {
  /** Apply everything up to the head as it is now. */
  runUntilCaughtUp(): Promise<E.Either<ProjectionError, RunOutcome>>
  /** Drop every projection's tables and apply the whole log again. */
  rebuild(): Promise<E.Either<ProjectionError, RunOutcome>>
  /**
   * Catch up, then poll every `pollIntervalMs` (1000 by default) until stopped or failed; with
   * `commits`, a commit also wakes it at once.
   */
  runLive(options?: { readonly pollIntervalMs?: number }): Promise<E.Either<ProjectionError, RunOutcome>>
  /** End the current run after its current batch; resolves when it has ended. */
  stop(): Promise<void>
}

// Every type some projection handles, each once.
const handledTypes = (projections: ReadonlyArray<Projection<any>>): ReadonlyArray<DomainEventType> => [...new Set(projections.flatMap((p) => p.handles as ReadonlyArray<DomainEventType>))]

// The events up to the head, estimated from the events read over the share of positions passed;
// exact once the run has passed them all.
const estimatedTotal = (read: number, passed: bigint, toHead: bigint): number =>
  passed >= toHead || passed <= 0n ? read : Math.max(read, Math.round((read * Number(toHead)) / Number(passed)))

// Events a batch holds at a time. Events held across more of the read survive more of V8's
// young-generation collections, which then grows the young generation and promotes garbage: a
// rebuild's peak RSS was 250 MB with the whole batch of 1000 held, 150 MB with slices of 100.
// The transaction stays as large as `batchSize`, since its commit is what costs.
const defaultSliceSize = 100

async function* noSlices(): AsyncGenerator<ReadonlyArray<never>> {}

const lowest = (checkpoints: ReadonlyMap<string, bigint>): bigint => [...checkpoints.values()].reduce((a, b) => (b < a ? b : a))

/**
 * A runtime over `config.projections`.
 * @category runtime
 * @since 0.1.0
 * @example
 * const runtime = projectionRuntime({ store, db, projections: readModelProjections })
 * const outcome = await runtime.runUntilCaughtUp()
 * @example
 * // Read models and the DSGVO audit tables in one database, one runtime:
 * const db = sqliteReadModels<ReadModels & AuditTables>('read-models.db')
 * projectionRuntime({ store, db, projections: [...readModelProjections, auditProjection()] })
 */
export const projectionRuntime = <DB>(config: ProjectionRuntimeConfig<DB>): ProjectionRuntime => {
  const { store, db, projections } = config
  const batchSize = config.batchSize ?? defaultBatchSize
  const sliceSize = Math.min(batchSize, config.sliceSize ?? defaultSliceSize)
  const stopwatch = config.stopwatch ?? (() => performance.now())
  const types = handledTypes(projections)
  // Where positions leave gaps (EventStoreDB), they are no count of events: the run counts what it reads.
  const countsEvents = (store.positions ?? 'contiguous') !== 'contiguous'
  const sleep = interruptibleSleep()
  let stopRequested = false
  let running: Promise<unknown> = Promise.resolve()

  // Live mode keeps the checkpoints it committed from one catch-up to the next instead of
  // preparing them again each time; one that another runtime moved meanwhile is still caught, by
  // the batch's CheckpointMovedError.
  let kept: ReadonlyMap<string, bigint> | undefined
  const catchUp = async (rebuild: boolean, keep = false): Promise<E.Either<ProjectionError, RunOutcome>> => {
    let position = 0n
    let failingAt = 0n
    try {
      let checkpoints: ReadonlyMap<string, bigint> = new Map()
      if (keep && kept !== undefined) checkpoints = kept
      else for (const p of projections) checkpoints = new Map([...checkpoints, [p.name, await prepareCheckpoint(db, p, rebuild)]])
      position = projections.length === 0 ? 0n : lowest(checkpoints)
      const head = await store.headPosition()
      if (E.isLeft(head)) return head
      const start = position
      const total = head.right > start ? Number(head.right - start) : 0
      const began = stopwatch()
      let done = 0
      let read = 0
      const committed = (through: bigint) => {
        position = lowest(checkpoints)
        done = countsEvents ? read : Number(through - start)
        config.onProgress?.(progressOf(done, countsEvents ? estimatedTotal(read, through - start, head.right - start) : total, position, stopwatch() - began))
      }
      if (total > 0 && !stopRequested) {
        // Read only what some projection handles: the log's other events are neither sent nor
        // decoded — except where positions leave gaps and only the events read can be counted.
        let through = start
        if (types.length > 0) {
          const slices = readAllPages(store, { fromPosition: start + 1n, toPosition: head.right, batchSize: sliceSize, ...(countsEvents ? {} : { types }) })[Symbol.asyncIterator]()
          try {
            let next = await slices.next()
            while (!next.done) {
              // One transaction of up to batchSize events, read slice by slice while it is open. The
              // slice after a full batch is read once the batch is committed: a read that fails
              // there (a corrupt row, a lost connection) leaves the batch before it in place.
              // A slice that would overfill the batch is split: its rest begins the next batch.
              let taken = 0
              let rest = false
              const batch = async function* () {
                while (!next.done) {
                  const slice = next.value
                  const room = batchSize - taken
                  const part = slice.length > room ? slice.slice(0, room) : slice
                  taken += part.length
                  failingAt = part[part.length - 1]!.metadata.globalPosition
                  yield part
                  if (part !== slice) {
                    next = { done: false, value: slice.slice(room) }
                    rest = true
                    return
                  }
                  if (taken >= batchSize) return
                  next = await slices.next()
                }
              }
              const applied = await applyBatch(db, projections, checkpoints, batch())
              checkpoints = applied.checkpoints
              through = applied.through
              read += applied.read
              committed(through)
              if (stopRequested) break
              if (taken >= batchSize && !rest) next = await slices.next()
            }
          } finally {
            // Stopped or failed before the end: let the store end its read.
            await slices.return?.(undefined)
          }
        }
        // The read went past every event up to the head, handled or not, so the checkpoints go
        // there too; left at the last handled event, they would make every run read the tail again.
        if (!stopRequested && through < head.right) {
          failingAt = head.right
          checkpoints = (await applyBatch(db, projections, checkpoints, noSlices(), head.right)).checkpoints
          committed(head.right)
        }
      }
      kept = keep ? checkpoints : undefined
      return E.right({ position, done, stopped: stopRequested })
    } catch (cause) {
      kept = undefined
      const known = isStoreError(cause) || cause instanceof ProjectionFailedError || cause instanceof CheckpointMovedError
      return E.left(known ? cause : new ProjectionFailedError(null, failingAt, cause))
    }
  }

  const live = async (pollIntervalMs: number): Promise<E.Either<ProjectionError, RunOutcome>> => {
    let done = 0
    let position = 0n
    // A commit announced while a catch-up runs makes the next one start without sleeping.
    let announced = false
    kept = undefined
    const subscribed = await config.commits?.subscribeToCommits(() => {
      announced = true
      sleep.wake()
    })
    try {
      while (!stopRequested) {
        announced = false
        const outcome = await catchUp(false, true)
        if (E.isLeft(outcome)) return outcome
        done += outcome.right.done
        position = outcome.right.position
        if (!stopRequested && !announced) await sleep.for(pollIntervalMs)
      }
      return E.right({ position, done, stopped: true })
    } finally {
      if (subscribed !== undefined && E.isRight(subscribed)) await subscribed.right()
    }
  }

  const run = <A>(work: () => Promise<A>): Promise<A> => {
    stopRequested = false
    const result = work()
    running = result
    return result
  }

  return {
    runUntilCaughtUp: () => run(() => catchUp(false)),
    rebuild: () => run(() => catchUp(true)),
    runLive: (options = {}) => run(() => live(options.pollIntervalMs ?? 1000)),
    async stop() {
      stopRequested = true
      sleep.wake()
      await running
    },
  }
}
