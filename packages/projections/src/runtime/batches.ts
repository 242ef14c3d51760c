/**
 * Cut a stream of events into batches of at most `size`, without ever holding more than one
 * batch: the log is streamed, never loaded.
 *
 * @module
 */

/**
 * The items of `source` in arrays of at most `size`.
 * @category runtime
 * @since 0.1.0
 */
export async function* batchesOf<A>(source: AsyncIterable<A>, size: number): AsyncGenerator<ReadonlyArray<A>> {
  let batch: A[] = []
  for await (const item of source) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
