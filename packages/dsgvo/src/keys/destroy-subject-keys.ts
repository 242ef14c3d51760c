/**
 * One erasure in a key store (Vernichtung der Schlüssel), the same steps for every store: inside
 * one transaction the subject's keys are deleted and, with a rotating KEK source, every key left
 * is re-wrapped under a fresh KEK; after the commit the store purges what its own files keep of
 * the deleted rows, and the KEKs older than the fresh one are retired — only those: an erasure
 * that started meanwhile may have rotated to a newer KEK and not committed, and the keys stay
 * under this erasure's KEK until it does, or for good where it fails. From then on the
 * erased keys' bytes — in a WAL, a dead tuple, a backup copy of the file — open under no KEK left.
 *
 * The transaction must keep every other writer of the key table out until it ends: a key created
 * meanwhile under the old KEK would not be re-wrapped and would become unreadable when it retires.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { KeyStoreUnavailableError } from './key-store.js'
import type { KeyWrapping, StoredSubjectKey } from './key-wrapping.js'

/**
 * The key table as one erasure sees it inside its transaction.
 * @category keys
 * @since 0.3.0
 */
export interface SubjectKeyRows {
  /** Delete every key of the subject; how many there were. */
  readonly deleteKeysOf: (subjectId: string) => Promise<number>
  /** Every key left in the table. */
  readonly remaining: () => Promise<ReadonlyArray<StoredSubjectKey>>
  /** Store a key's new bytes and the KEK version that wraps them. */
  readonly replace: (row: StoredSubjectKey) => Promise<void>
}

/**
 * What a key store gives an erasure: its transaction, and what it does after the commit so that
 * its own files no longer hold the deleted bytes (PostgreSQL's `VACUUM FULL`, SQLite's WAL truncation).
 * @category keys
 * @since 0.3.0
 */
export interface SubjectKeyTable {
  /** Run `work` in one transaction that keeps every other writer of the key table out; commit when it resolves. */
  readonly inTransaction: <A>(work: (rows: SubjectKeyRows) => Promise<A>) => Promise<A>
  /** After the commit; throws when the deleted bytes may still be in the store's files. */
  readonly purge: () => Promise<void>
}

const thrown = <A>(either: E.Either<KeyStoreUnavailableError, A>): A => {
  if (E.isLeft(either)) throw either.left
  return either.right
}

/**
 * Destroy every key of a subject; answers how many were destroyed. `unavailable` maps what the
 * store's driver throws.
 * @category keys
 * @since 0.3.0
 */
export const destroySubjectKeys = async (
  table: SubjectKeyTable,
  wrapping: KeyWrapping,
  subjectId: string,
  unavailable: (e: unknown) => KeyStoreUnavailableError,
): Promise<E.Either<KeyStoreUnavailableError, number>> => {
  const asError = (e: unknown) => (e instanceof KeyStoreUnavailableError ? e : unavailable(e))
  let destroyed: number
  let rotatedTo: number | undefined
  try {
    destroyed = await table.inTransaction(async (rows) => {
      const count = await rows.deleteKeysOf(subjectId)
      const rotation = thrown(await wrapping.rotate(await rows.remaining()))
      for (const row of rotation?.rows ?? []) await rows.replace(row)
      rotatedTo = rotation?.kekVersion
      return count
    })
  } catch (e) {
    return E.left(asError(e))
  }
  // The keys left are committed under the fresh KEK, so the old ones open nothing but erased keys:
  // they go even when the purge failed, which the caller still learns of.
  const purged = await table.purge().then(
    () => undefined,
    (e: unknown) => asError(e),
  )
  const retired = rotatedTo === undefined ? E.right(0) : await wrapping.retire(rotatedTo)
  if (E.isLeft(retired)) return retired
  return purged === undefined ? E.right(destroyed) : E.left(purged)
}
