/**
 * The key store (Schlüsselablage): one AES-256 key per data subject, kept apart from the events.
 * Deleting a subject's keys is what erases their data (crypto-shredding), so a key store must
 * really destroy a deleted key. The interface is small so that a KMS can stand behind it.
 *
 * A subject may hold several key versions: a new key is created when a subject whose keys were
 * deleted is named again, so that data written after an erasure never becomes readable with —
 * or lost together with — the data before it. Versions are never handed out twice.
 *
 * @module
 */
import { TaggedError, type SubjectId } from '@account-ownership/core'
import type * as E from 'fp-ts/lib/Either.js'

/**
 * One key of one subject.
 * @category keys
 * @since 0.1.0
 */
export interface SubjectKey {
  readonly subjectId: SubjectId
  /** 1 for a subject's first key; grows with each key created after an erasure. */
  readonly version: number
  /** 32 bytes of key material for AES-256-GCM. */
  readonly key: Uint8Array
}

/**
 * The key store could not answer; `retryable` says whether trying again can help.
 * @category errors
 * @since 0.1.0
 */
export class KeyStoreUnavailableError extends TaggedError('KeyStoreUnavailableError') {
  readonly reason: string
  readonly retryable: boolean
  /**
   * The input at fault when the key store was given something it cannot use — a key-encryption
   * key of the wrong length, a file that is no KEK file (`keyEncryptionKeys.current`, `keys.2`);
   * absent when the backend failed.
   * @since 0.3.0
   */
  readonly field?: string
  constructor(reason: string, retryable: boolean, options?: { cause?: unknown; field?: string }) {
    super(`key store unavailable (${retryable ? 'retryable' : 'not retryable'}): ${options?.field === undefined ? '' : `${options.field}: `}${reason}`, options)
    this.reason = reason
    this.retryable = retryable
    if (options?.field !== undefined) this.field = options.field
  }
}

/**
 * The port every key store implements (SQLite table, PostgreSQL table, a KMS).
 * @category keys
 * @since 0.1.0
 */
export interface KeyStore {
  /** The subject's key of `version`, or its newest key; `undefined` when it has none (never had, or erased). */
  keyFor(subjectId: SubjectId, version?: number): Promise<E.Either<KeyStoreUnavailableError, SubjectKey | undefined>>
  /** A fresh random key for the subject, with a version never used for it before. */
  create(subjectId: SubjectId): Promise<E.Either<KeyStoreUnavailableError, SubjectKey>>
  /**
   * How many keys the subject was ever given, destroyed ones included; 0 when the key store never
   * saw it — so no personal datum of theirs was ever encrypted, and there is nothing to erase.
   * @since 0.2.0
   */
  versionsOf(subjectId: SubjectId): Promise<E.Either<KeyStoreUnavailableError, number>>
  /** Destroy every key of the subject; answers how many were destroyed. */
  delete(subjectId: SubjectId): Promise<E.Either<KeyStoreUnavailableError, number>>
  /** Release what the key store holds. */
  close(): Promise<void>
}
