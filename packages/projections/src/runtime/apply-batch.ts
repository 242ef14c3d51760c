/**
 * One batch, exactly once: every projection applies the events past its own checkpoint and
 * moves that checkpoint, all in one database transaction. Either the rows and the checkpoints
 * of the whole batch are committed, or none of them.
 *
 * @module
 */
import type { RecordedEvent } from '@account-ownership/core'
import type { Kysely } from 'kysely'
import { moveCheckpoint } from './checkpoints.js'
import { ProjectionFailedError } from './projection-errors.js'
import type { Projection } from './projection.js'

/**
 * Apply `batch` to every projection and return the checkpoints after commit.
 * @category runtime
 * @since 0.1.0
 */
export const applyBatch = async <DB>(
  db: Kysely<DB>,
  projections: ReadonlyArray<Projection<DB>>,
  checkpoints: ReadonlyMap<string, bigint>,
  batch: ReadonlyArray<RecordedEvent>,
): Promise<ReadonlyMap<string, bigint>> => {
  const last = batch[batch.length - 1]!.metadata.globalPosition
  const moved = new Map(checkpoints)
  await db.transaction().execute(async (tx) => {
    for (const projection of projections) {
      const from = checkpoints.get(projection.name) ?? 0n
      if (from >= last) continue
      const handles: ReadonlyArray<string> = projection.handles
      for (const event of batch) {
        if (event.metadata.globalPosition <= from || !handles.includes(event.type)) continue
        try {
          await projection.apply(event as never, tx)
        } catch (cause) {
          throw new ProjectionFailedError(projection.name, event.metadata.globalPosition, cause)
        }
      }
      await moveCheckpoint(tx, projection.name, from, last)
      moved.set(projection.name, last)
    }
  })
  return moved
}
