/**
 * One batch, exactly once: every projection folds the events past its own checkpoint and moves
 * that checkpoint, all in one database transaction. Either the rows and the checkpoints of the
 * whole batch are committed, or none of them — also when the batch was read and folded in
 * several slices.
 *
 * @module
 */
import type { RecordedEvent } from '@account-ownership/core'
import type { Kysely, Transaction } from 'kysely'
import { moveCheckpoint } from './checkpoints.js'
import { flushErasures } from './erasure.js'
import { ProjectionFailedError } from './projection-errors.js'
import type { BatchFold, Projection } from './projection.js'

const failed = (projection: string, position: bigint) => (cause: unknown) => {
  throw cause instanceof ProjectionFailedError ? cause : new ProjectionFailedError(projection, position, cause)
}

// A projection's fold of the batch so far; `more` carries it into the next slice, else the
// slice is saved and the next one loads a fold of its own.
type Folds = Map<string, BatchFold>

// Load (or load more), apply each event in order. A failing event is named by its own position; a
// failing load or save by the slice's last position, since it concerns all of them.
const fold = async <DB>(projection: Projection<DB>, events: ReadonlyArray<RecordedEvent>, last: bigint, tx: Transaction<DB>, folds: Folds): Promise<void> => {
  let batch = folds.get(projection.name)
  if (batch?.more !== undefined) await batch.more(events as never).catch(failed(projection.name, last))
  else {
    if (batch !== undefined) await batch.save().catch(failed(projection.name, last))
    batch = await projection.load(events as never, tx).catch(failed(projection.name, last))
    folds.set(projection.name, batch)
  }
  for (const event of events) {
    try {
      batch.apply(event as never)
    } catch (cause) {
      failed(projection.name, event.metadata.globalPosition)(cause)
    }
  }
}

/**
 * What a committed batch went past: the checkpoints after commit, the last position and the
 * number of events read.
 * @category runtime
 * @since 0.3.0
 */
export interface AppliedBatch {
  readonly checkpoints: ReadonlyMap<string, bigint>
  readonly through: bigint
  readonly read: number
}

/**
 * Apply a batch to every projection in one transaction and return the checkpoints after commit,
 * moved to `through`: the last position the read went past, which is the batch's last event's
 * or, for a read by type, a later one up to which no projection handles anything (then the batch
 * may be empty). The batch comes in slices, read while the transaction is open and folded one
 * after the other, so that a batch of a thousand events never holds more than one slice of them.
 * @category runtime
 * @since 0.1.0
 */
export const applyBatch = async <DB>(
  db: Kysely<DB>,
  projections: ReadonlyArray<Projection<DB>>,
  checkpoints: ReadonlyMap<string, bigint>,
  slices: AsyncIterable<ReadonlyArray<RecordedEvent>>,
  through?: bigint,
): Promise<AppliedBatch> => {
  const moved = new Map(checkpoints)
  let last: bigint | undefined
  let read = 0
  let erased = false
  const handles = new Map(projections.map((projection) => [projection.name, new Set<string>(projection.handles)]))
  await db.transaction().execute(async (tx) => {
    const folds: Folds = new Map()
    for await (const slice of slices) {
      if (slice.length === 0) continue
      const first = slice[0]!.metadata.globalPosition
      last = slice[slice.length - 1]!.metadata.globalPosition
      read += slice.length
      erased ||= slice.some((event) => event.type === 'PersonalDataErased')
      for (const projection of projections) {
        const from = checkpoints.get(projection.name) ?? 0n
        if (from >= last) continue
        const handled = handles.get(projection.name)!
        // A checkpoint behind the whole slice, as it nearly always is, spares each event comparing
        // positions (bigints, a rebuild's million).
        const events = from < first ? slice.filter((event) => handled.has(event.type)) : slice.filter((event) => event.metadata.globalPosition > from && handled.has(event.type))
        if (events.length > 0) await fold(projection, events, last, tx, folds)
      }
    }
    for (const projection of projections) await folds.get(projection.name)?.save().catch(failed(projection.name, last!))
    const to = through ?? last
    if (to === undefined) return
    for (const projection of projections) {
      const from = checkpoints.get(projection.name) ?? 0n
      if (from >= to) continue
      await moveCheckpoint(tx, projection, from, to)
      moved.set(projection.name, to)
    }
  })
  if (erased) await flushErasures(db)
  return { checkpoints: moved, through: through ?? last ?? 0n, read }
}
