/**
 * Reading the log with its seal checked (geprüftes Lesen): every stored row's chain hash is
 * recomputed from its bytes and the hash of its predecessor in its stream before the row is
 * decoded, so a reader that asks for it never builds a read model or a report on an event that
 * was changed after it was written. Each adapter's `readAll({ verifyHashes: true })` is this
 * over its own `readStoredAll`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { chainHash, genesisHash } from './event-chain.js'
import type { EventSchema } from './event-schema.js'
import type { RecordedEvent } from './recorded-event.js'
import { CorruptEventError } from './store-errors.js'
import { decodeStoredEvent, storedRowProblem, type StoredEvent } from './stored-event.js'

/**
 * Whether a stored row is the link its hashes say: its predecessor's hash is the one the stream
 * had before it (`genesisHash` at version 0) and its own hash covers its bytes.
 * @category store
 * @since 0.2.0
 */
export const checkLink = (row: StoredEvent): E.Either<CorruptEventError, StoredEvent> => {
  const corrupt = (reason: string) => E.left(new CorruptEventError(row, reason))
  if (typeof row.hash !== 'string' || typeof row.previousHash !== 'string') return corrupt('the row carries no chain hash')
  // A damaged file can hand back a null, a number or bytes where text was written: that is a
  // corrupt row, not a failure of the hash function.
  const shape = storedRowProblem(row)
  if (shape !== undefined) return corrupt(shape)
  if (row.streamVersion === 0n && row.previousHash !== genesisHash) return corrupt('the first event of a stream does not chain to the genesis hash')
  const recomputed = chainHash(row.previousHash, row)
  return recomputed === row.hash ? E.right(row) : corrupt(`stored hash ${row.hash.slice(0, 12)}… differs from ${recomputed.slice(0, 12)}… recomputed from the stored bytes`)
}

/**
 * The events of stored rows, each checked by `checkLink` and, where the read saw its
 * predecessor, against that predecessor's hash; rejects with a `CorruptEventError` at the first
 * row that fails. `byType`: the rows are those of a read by type (`ReadAllOptions.types`), where a
 * stream's versions may skip the events of the other types — each row's own link is still checked.
 * @category store
 * @since 0.2.0
 */
export async function* verifiedEvents(rows: AsyncIterable<StoredEvent>, schema: EventSchema, byType = false): AsyncGenerator<RecordedEvent> {
  const heads = new Map<string, { version: bigint; hash: string }>()
  const follows = (row: StoredEvent, head: { version: bigint; hash: string }) =>
    head.version + 1n === row.streamVersion ? head.hash === row.previousHash : byType && head.version < row.streamVersion
  for await (const row of rows) {
    const linked = checkLink(row)
    if (E.isLeft(linked)) throw linked.left
    const head = heads.get(row.streamId)
    if (head !== undefined && !follows(row, head)) {
      throw new CorruptEventError(row, `the event does not follow version ${head.version} of its stream`)
    }
    heads.set(row.streamId, { version: row.streamVersion, hash: row.hash! })
    const decoded = decodeStoredEvent(row, schema)
    if (E.isLeft(decoded)) throw decoded.left
    yield decoded.right
  }
}
