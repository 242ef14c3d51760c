/**
 * Key wrapping (Schlüsselumhüllung): what every key store does with its key-encryption keys —
 * wrap a subject key as it is created, unwrap it as it is read, and on an erasure re-wrap the
 * keys left under a fresh KEK before the old one is retired. Without KEKs every step passes the
 * key through, and a key stored plain (`kek_version` NULL, as written before KEKs were configured)
 * is read as it is; the next rotation wraps it with the rest.
 *
 * What a KEK source answers is checked here, once for every store: a KEK that is not 32 bytes or
 * a version that is no positive integer is a `KeyStoreUnavailableError` naming the source's method
 * (`keyEncryptionKeys.current`), not a crash inside the cipher.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { unwrapKey, wrapKey, type KeyEncryptionKey, type KeyEncryptionKeys } from './key-encryption-keys.js'
import { KeyStoreUnavailableError, type SubjectKey } from './key-store.js'

/**
 * A stored subject key: its bytes as written (wrapped, or plain where no KEK is configured) and
 * the KEK version that wraps it (`null`: plain).
 * @category keys
 * @since 0.2.0
 */
export interface StoredSubjectKey {
  readonly subjectId: string
  readonly version: number
  readonly key: Uint8Array
  readonly kekVersion: number | null
}

/**
 * An erasure's rotation: the keys left, re-wrapped under the fresh KEK `kekVersion`.
 * @category keys
 * @since 0.3.0
 */
export interface Rotation {
  readonly kekVersion: number
  readonly rows: ReadonlyArray<StoredSubjectKey>
}

const boundTo = (subjectId: string, version: number) => `${subjectId}~${version}`

const kekBytes = 32

const badInput = (field: string, reason: string) => E.left(new KeyStoreUnavailableError(reason, false, { field }))

const checkedKey = (field: string, key: unknown): E.Either<KeyStoreUnavailableError, Uint8Array> =>
  key instanceof Uint8Array && key.length === kekBytes ? E.right(key) : badInput(field, `a key-encryption key must be ${kekBytes} bytes`)

const checkedKek = (field: string, answer: E.Either<KeyStoreUnavailableError, KeyEncryptionKey>): E.Either<KeyStoreUnavailableError, KeyEncryptionKey> => {
  if (E.isLeft(answer)) return answer
  const { version, key } = answer.right
  if (!Number.isSafeInteger(version) || version < 1) return badInput(field, 'a key-encryption key version must be a positive integer')
  return E.map(() => answer.right)(checkedKey(field, key))
}

/**
 * What a key store does with its KEKs: wrap on create, unwrap on read, and on an erasure rotate
 * the KEK, re-wrap the rest and retire the old KEK. Without KEKs every step passes the key through.
 * @category keys
 * @since 0.2.0
 */
export const keyWrapping = (keks: KeyEncryptionKeys | undefined) => {
  // The key of a stored row; an error when its KEK is gone or does not open it.
  const unwrap = async (row: StoredSubjectKey): Promise<E.Either<KeyStoreUnavailableError, Uint8Array>> => {
    if (row.kekVersion === null) return E.right(row.key)
    if (keks === undefined) return E.left(new KeyStoreUnavailableError('the key is wrapped, but no key-encryption keys are configured', false, { field: 'keyEncryptionKeys' }))
    const kek = await keks.byVersion(row.kekVersion)
    if (E.isLeft(kek)) return kek
    const opener = kek.right === undefined ? E.right(undefined) : checkedKey('keyEncryptionKeys.byVersion', kek.right)
    if (E.isLeft(opener)) return opener
    const key = opener.right === undefined ? undefined : unwrapKey(opener.right, row.key, boundTo(row.subjectId, row.version))
    return key === undefined ? E.left(new KeyStoreUnavailableError(`the key-encryption key ${row.kekVersion} does not open the key of ${row.subjectId}`, false)) : E.right(key)
  }
  return {
    /** The bytes to store for a new key, and the KEK version that wraps them. */
    wrap: async (subjectId: string, version: number, key: Uint8Array): Promise<E.Either<KeyStoreUnavailableError, { bytes: Uint8Array; kekVersion: number | null }>> => {
      if (keks === undefined) return E.right({ bytes: key, kekVersion: null })
      const kek = checkedKek('keyEncryptionKeys.current', await keks.current())
      return E.isLeft(kek) ? kek : E.right({ bytes: wrapKey(kek.right.key, key, boundTo(subjectId, version)), kekVersion: kek.right.version })
    },
    /** The key of a stored row; an error when its KEK is gone or does not open it. */
    unwrap,
    /**
     * The key of the row `read` finds, or `undefined` where it finds none. Another subject's
     * erasure may re-wrap the row under a new KEK and retire the old one between the read and the
     * unwrap: then the row is read once more, and opens under the new KEK.
     */
    keyOfRow: async (read: () => Promise<StoredSubjectKey | undefined>): Promise<E.Either<KeyStoreUnavailableError, SubjectKey | undefined>> => {
      for (let attempt = 1; ; attempt++) {
        const row = await read()
        if (row === undefined) return E.right(undefined)
        const key = await unwrap(row)
        if (E.isRight(key) || attempt === 2) return E.map((opened: Uint8Array): SubjectKey => ({ subjectId: row.subjectId as SubjectKey['subjectId'], version: row.version, key: opened }))(key)
      }
    },
    /** After an erasure: the remaining rows re-wrapped under a fresh KEK, and its version (nothing to do without a rotating source). */
    rotate: async (rows: ReadonlyArray<StoredSubjectKey>): Promise<E.Either<KeyStoreUnavailableError, Rotation | undefined>> => {
      // Opened without its KEKs, a store of wrapped keys would erase without retiring the KEK that opens the erased key's copies.
      if (keks === undefined && rows.some((row) => row.kekVersion !== null)) {
        return E.left(new KeyStoreUnavailableError('the keys are wrapped, but no key-encryption keys are configured: the erasure could not retire the old one', false, { field: 'keyEncryptionKeys' }))
      }
      if (keks?.rotate === undefined) return E.right(undefined)
      // Each KEK asked for once per rotation, not once per key (a file source reads its file on every ask).
      const asked = new Map<number, ReturnType<KeyEncryptionKeys['byVersion']>>()
      const byVersion = (version: number) => asked.get(version) ?? asked.set(version, keks.byVersion(version)).get(version)!
      const opener = keyWrapping({ ...keks, byVersion })
      const plain: Array<{ row: StoredSubjectKey; key: Uint8Array }> = []
      for (const row of rows) {
        const key = await opener.unwrap(row)
        if (E.isLeft(key)) return key
        plain.push({ row, key: key.right })
      }
      const fresh = checkedKek('keyEncryptionKeys.rotate', await keks.rotate())
      if (E.isLeft(fresh)) return fresh
      const { version, key: kek } = fresh.right
      return E.right({ kekVersion: version, rows: plain.map(({ row, key }) => ({ ...row, key: wrapKey(kek, key, boundTo(row.subjectId, row.version)), kekVersion: version })) })
    },
    /**
     * Once the rows re-wrapped under `kekVersion` are committed: destroy the KEKs before it, which
     * wrapped the erased key — not a newer one, which another erasure may still be re-wrapping under.
     */
    retire: async (kekVersion: number): Promise<E.Either<KeyStoreUnavailableError, number>> => (keks?.retireOlderThan === undefined ? E.right(0) : keks.retireOlderThan(kekVersion)),
  }
}

/**
 * The key wrapping of one key store.
 * @category keys
 * @since 0.3.0
 */
export type KeyWrapping = ReturnType<typeof keyWrapping>
