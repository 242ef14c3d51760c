/**
 * One batch, exactly once: every projection folds the events past its own checkpoint and moves
 * that checkpoint, all in one database transaction. Either the rows and the checkpoints of the
 * whole batch are committed, or none of them.
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

// Load, apply each event in order, save. A failing event is named by its own position; a failing
// load or save by the batch's last position, since it concerns all of them.
const fold = async <DB>(projection: Projection<DB>, events: ReadonlyArray<RecordedEvent>, last: bigint, tx: Transaction<DB>): Promise<void> => {
  const batch: BatchFold = await projection.load(events as never, tx).catch(failed(projection.name, last))
  for (const event of events) {
    try {
      batch.apply(event as never)
    } catch (cause) {
      failed(projection.name, event.metadata.globalPosition)(cause)
    }
  }
  await batch.save().catch(failed(projection.name, last))
}

/**
 * Apply `batch` to every projection and return the checkpoints after commit, moved to `through`:
 * the last position the read went past, which is the batch's last event's or, for a read by
 * type, a later one up to which no projection handles anything (then `batch` may be empty).
 * @category runtime
 * @since 0.1.0
 */
export const applyBatch = async <DB>(
  db: Kysely<DB>,
  projections: ReadonlyArray<Projection<DB>>,
  checkpoints: ReadonlyMap<string, bigint>,
  batch: ReadonlyArray<RecordedEvent>,
  through: bigint = batch[batch.length - 1]!.metadata.globalPosition,
): Promise<ReadonlyMap<string, bigint>> => {
  const moved = new Map(checkpoints)
  const first = batch.length === 0 ? through : batch[0]!.metadata.globalPosition
  await db.transaction().execute(async (tx) => {
    for (const projection of projections) {
      const from = checkpoints.get(projection.name) ?? 0n
      if (from >= through) continue
      const handles: ReadonlySet<string> = new Set(projection.handles)
      // A checkpoint behind the whole batch, as it nearly always is, spares each event comparing
      // positions (bigints, a rebuild's thousand per batch and projection).
      const events = from < first ? batch.filter((event) => handles.has(event.type)) : batch.filter((event) => event.metadata.globalPosition > from && handles.has(event.type))
      if (events.length > 0) await fold(projection, events, batch[batch.length - 1]!.metadata.globalPosition, tx)
      await moveCheckpoint(tx, projection, from, through)
      moved.set(projection.name, through)
    }
  })
  await flushErasures(db, batch)
  return moved
}
