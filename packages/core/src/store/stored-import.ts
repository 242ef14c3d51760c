/**
 * Importing stored rows (Übernahme gespeicherter Ereignisse): the capability a store offers so
 * that a log can move into it from another store byte for byte — event ids, stream versions,
 * global positions, business and recorded times, metadata and chain hashes as they were. A store
 * refuses any row that does not continue its log: a position not after its head, a version that
 * is not its stream's next, or a hash that does not chain to its stream's last hash over its
 * bytes. An import is all or nothing.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { genesisHash } from './event-chain.js'
import type { EventStore } from './event-store.js'
import type { StoredEvent } from './stored-event.js'
import { CorruptEventError, DuplicateEventError, InvalidStoreInputError, type StoreUnavailableError } from './store-errors.js'
import { checkLink } from './verified-read.js'

/**
 * What an import wrote.
 * @category store
 * @since 0.2.0
 */
export interface ImportResult {
  readonly imported: number
  /** The global position of the last event in the store now. */
  readonly head: bigint
}

/**
 * Why an import was refused; nothing of it was written.
 * @category errors
 * @since 0.2.0
 */
export type ImportError = InvalidStoreInputError | CorruptEventError | DuplicateEventError | StoreUnavailableError

/**
 * A store that takes rows as another store stored them.
 * @category store
 * @since 0.2.0
 */
export interface StoredEventImport {
  /** Append `rows` (in global order) as they are, all or nothing, if they continue this log. */
  importStored(rows: ReadonlyArray<StoredEvent>): Promise<E.Either<ImportError, ImportResult>>
}

/**
 * An event store that can import stored rows: a target of `copyLog`.
 * @category store
 * @since 0.2.0
 */
export type ImportingEventStore = EventStore & StoredEventImport

/**
 * The last version and hash of a stream, as a store holds them.
 * @category store
 * @since 0.2.0
 */
export interface StreamTip {
  readonly version: bigint
  readonly hash: string
}

const fields: ReadonlyArray<[keyof StoredEvent, string]> = [
  ['globalPosition', 'bigint'],
  ['streamId', 'string'],
  ['streamVersion', 'bigint'],
  ['eventId', 'string'],
  ['type', 'string'],
  ['schemaVersion', 'number'],
  ['data', 'string'],
  ['metadata', 'string'],
  ['recordedAt', 'string'],
  ['hash', 'string'],
]

/**
 * Check that `rows` continue a log whose last position is `head` and whose streams end at
 * `tips`; each row's hash is recomputed over its bytes and its stream's last hash. Where the
 * target's positions are `dense` (since 0.4.0), each row must take the very next position.
 * @category store
 * @since 0.2.0
 */
export const checkImport = (
  rows: ReadonlyArray<StoredEvent>,
  tips: ReadonlyMap<string, StreamTip>,
  head: bigint,
  positions: { readonly dense: boolean } = { dense: false },
): E.Either<InvalidStoreInputError | CorruptEventError | DuplicateEventError, void> => {
  if (!Array.isArray(rows) || rows.length === 0) return E.left(new InvalidStoreInputError('rows', 'an import needs at least one stored row'))
  const ends = new Map(tips)
  const ids = new Set<string>()
  let last = head
  for (const [i, row] of rows.entries()) {
    const wrong = fields.find(([field, type]) => typeof (row as unknown as Record<string, unknown> | null)?.[field] !== type)
    if (wrong !== undefined) return E.left(new InvalidStoreInputError(`rows[${i}].${wrong[0]}`, `expected a ${wrong[1]}`))
    if (row.globalPosition <= last) return E.left(new InvalidStoreInputError(`rows[${i}].globalPosition`, `expected a position after ${last}, the log's last`))
    // A store whose positions are dense has no gap for a reader or a verifier to take for a removed event.
    if (positions.dense && row.globalPosition !== last + 1n) return E.left(new InvalidStoreInputError(`rows[${i}].globalPosition`, `expected ${last + 1n}: this store's positions leave no gap`))
    if (ids.has(row.eventId)) return E.left(new DuplicateEventError(row.eventId, row.streamId))
    const tip = ends.get(row.streamId)
    const expected = tip === undefined ? 0n : tip.version + 1n
    if (row.streamVersion !== expected) {
      return E.left(new InvalidStoreInputError(`rows[${i}].streamVersion`, `expected ${expected}, the next version of its stream in this store`))
    }
    const linked = checkLink({ ...row, previousHash: tip?.hash ?? genesisHash })
    if (E.isLeft(linked)) return linked
    ends.set(row.streamId, { version: row.streamVersion, hash: row.hash! })
    ids.add(row.eventId)
    last = row.globalPosition
  }
  return E.right(undefined)
}
