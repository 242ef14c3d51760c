/**
 * The log a page at a time (seitenweise): what `readAll` answers, in arrays, for readers that fold
 * events in batches anyway. A store that reads in pages hands its pages on as they are (its
 * `readAllPages`), sparing each event a turn through an async iterator — a rebuild's million;
 * any other store's `readAll` is cut into pages here.
 *
 * @module
 */
import type { EventStore, ReadAllOptions } from './event-store.js'
import { defaultBatchSize } from './event-store.js'
import type { RecordedEvent } from './recorded-event.js'

/**
 * The items of `source` in arrays of at most `size`, holding one array at a time: the source is
 * streamed, never loaded.
 * @category store
 * @since 0.3.0
 */
export async function* pagesOf<A>(source: AsyncIterable<A>, size: number): AsyncGenerator<ReadonlyArray<A>> {
  let page: A[] = []
  for await (const item of source) {
    page.push(item)
    if (page.length >= size) {
      yield page
      page = []
    }
  }
  if (page.length > 0) yield page
}

/**
 * The events of `store.readAll(options)`, in order, in non-empty pages of at most
 * `options.batchSize` (500 by default); bad options reject on iteration, as `readAll`'s do.
 * @category store
 * @since 0.3.0
 * @example
 * for await (const page of readAllPages(store, { types: ['OwnershipTransferred'], batchSize: 100 })) fold(page)
 */
export const readAllPages = (store: EventStore, options?: ReadAllOptions): AsyncIterable<ReadonlyArray<RecordedEvent>> =>
  store.readAllPages?.(options) ?? pagesOf(store.readAll(options), typeof options?.batchSize === 'number' && options.batchSize >= 1 ? options.batchSize : defaultBatchSize)
