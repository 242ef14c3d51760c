/**
 * The hash chain of the log (Manipulationsnachweis): every stored event carries the SHA-256 of
 * its stored bytes and of the hash of the event before it in its stream. A stream's first event
 * chains to `genesisHash`. The chain runs per stream, so writers of different streams never wait
 * for each other; it covers the stored bytes (the encrypted payload as written), so an erasure —
 * which destroys a key, not a row — leaves it intact. The global position is not in the hash (an
 * adapter may learn it only at commit); whether positions were moved is checked apart.
 *
 * Every adapter computes the hash with `chainHash`, in the transaction of the append.
 *
 * @module
 */
import { hash } from 'node:crypto'
import type { StoredEvent } from './stored-event.js'

/**
 * What the hash of the first event of a stream chains to.
 * @category store
 * @since 0.1.0
 */
export const genesisHash = '0'.repeat(64)

/**
 * The stored fields the hash covers, in this order.
 * @category store
 * @since 0.1.0
 */
export type ChainedFields = Pick<StoredEvent, 'streamId' | 'streamVersion' | 'eventId' | 'type' | 'schemaVersion' | 'data' | 'metadata' | 'recordedAt'>

/**
 * The chained fields that are text, hashed as they are (the versions are hashed as decimals).
 * @category store
 * @since 0.4.0
 */
export const chainedTextFields = ['streamId', 'eventId', 'type', 'data', 'metadata', 'recordedAt'] as const satisfies ReadonlyArray<keyof ChainedFields>

/**
 * The hash of an event: SHA-256 (hex) over the previous hash and each field, length-prefixed so
 * that no shift of bytes between fields keeps the hash.
 * @category store
 * @since 0.1.0
 */
export const chainHash = (previous: string, row: ChainedFields): string => {
  // One string hashed in one call: the same bytes as hashing the previous hash and each prefixed
  // field in turn (a prefix of ASCII digits stands between any two fields, so no character pairs
  // up across them), at a quarter of the cost of a streaming hash fed sixteen pieces.
  let text = previous
  for (const field of [row.streamId, String(row.streamVersion), row.eventId, row.type, String(row.schemaVersion), row.data, row.metadata, row.recordedAt]) {
    text += `${Buffer.byteLength(field, 'utf8')}:${field}`
  }
  return hash('sha256', text, 'hex')
}

/**
 * The hashes of a batch appended to a stream whose last hash is `previous` (`genesisHash` for a
 * new stream), in order.
 * @category store
 * @since 0.1.0
 */
export const chainHashes = (previous: string, rows: ReadonlyArray<ChainedFields>): ReadonlyArray<string> => {
  const hashes: string[] = []
  let last = previous
  for (const row of rows) {
    last = chainHash(last, row)
    hashes.push(last)
  }
  return hashes
}
