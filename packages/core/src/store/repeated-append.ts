/**
 * Idempotent appends by event id. A writer that lost the answer to an append sends it again;
 * when every event id of the batch is already recorded, in this stream and in this order, the
 * store answers with what it recorded the first time and writes nothing. Any other overlap is a
 * `DuplicateEventError`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { PreparedEvent, StoredEvent } from './stored-event.js'
import { DuplicateEventError } from './store-errors.js'

/**
 * `'new'` when none of the batch is recorded yet, the recorded rows when all of it is.
 * `recorded` holds the already stored rows that share an event id with the batch.
 * @category store
 * @since 0.1.0
 */
export const classifyRepeat = (
  streamId: string,
  batch: ReadonlyArray<PreparedEvent>,
  recorded: ReadonlyArray<StoredEvent>,
): E.Either<DuplicateEventError, 'new' | ReadonlyArray<StoredEvent>> => {
  if (recorded.length === 0) return E.right('new')
  const byId = new Map(recorded.map((r) => [r.eventId, r]))
  const rows: StoredEvent[] = []
  for (const [i, event] of batch.entries()) {
    const row = byId.get(event.eventId)
    const previous = rows[i - 1]
    const inPlace =
      row !== undefined && row.streamId === streamId && (previous === undefined || row.streamVersion === previous.streamVersion + 1n)
    if (!inPlace) return E.left(new DuplicateEventError((row ?? recorded[0]!).eventId, streamId))
    rows.push(row)
  }
  return E.right(rows)
}
