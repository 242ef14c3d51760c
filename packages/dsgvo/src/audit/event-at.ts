/**
 * One event of the log, found by the source a read-model row gives (stream and version): how the
 * reports fetch the personal values the audit tables never copy, one event at a time.
 *
 * @module
 */
import type { EventStore, ReadError, RecordedEvent, StreamId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { readErrorOf } from '../chain/read-error.js'
import type { Source } from './audit-rows.js'

/**
 * The event at `source` as `store` reads it, or `undefined` where the store holds none there; a
 * read that fails (a corrupt event, a store that stopped answering) is its `ReadError`.
 * @category audit
 * @since 0.3.0
 */
export const eventAt = async (store: EventStore, source: Omit<Source, 'globalPosition'>): Promise<E.Either<ReadError, RecordedEvent | undefined>> => {
  try {
    for await (const event of store.readStream(source.streamId as StreamId, { from: source.streamVersion, to: source.streamVersion })) return E.right(event)
  } catch (e) {
    return E.left(readErrorOf(e, `the event at ${source.streamId}@${source.streamVersion}`))
  }
  return E.right(undefined)
}
