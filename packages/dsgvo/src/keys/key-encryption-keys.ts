/**
 * Key-encryption keys (Schlüsselverschlüsselungsschlüssel, KEK): subject keys are stored wrapped
 * (AES-256-GCM) under a KEK held outside the database — a file, an environment secret, or a KMS
 * behind this interface. A database keeps deleted bytes where no DELETE reaches them (PostgreSQL's
 * WAL and dead tuples, SQLite's WAL, backups). Wrapped, those bytes are worthless once their KEK
 * is gone: on every erasure a rotating KEK source gets a fresh KEK, the remaining subject keys are
 * re-wrapped under it, and the old KEK is destroyed — so an erased subject's key, wherever its
 * wrapped bytes linger, can no longer be unwrapped. That needs trust only in the KEK's place, not
 * in the database.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { KeyStoreUnavailableError } from './key-store.js'
import { acquireLockFile, releaseLockFile } from './lock-file.js'

/**
 * One key-encryption key.
 * @category keys
 * @since 0.2.0
 */
export interface KeyEncryptionKey {
  readonly version: number
  readonly key: Uint8Array
}

/**
 * Where the KEKs are held. `rotate` and `retireOlderThan` are what make an erasure effective without
 * trusting the database; a source without them (a fixed secret) protects a stolen database, not
 * the deleted bytes it keeps.
 * @category keys
 * @since 0.2.0
 */
export interface KeyEncryptionKeys {
  /** The KEK new subject keys are wrapped under. */
  current(): Promise<E.Either<KeyStoreUnavailableError, KeyEncryptionKey>>
  /** A KEK by version; `undefined` once retired. */
  byVersion(version: number): Promise<E.Either<KeyStoreUnavailableError, Uint8Array | undefined>>
  /** Make a fresh KEK current, its version above every earlier one; the older ones stay until retired. */
  readonly rotate?: () => Promise<E.Either<KeyStoreUnavailableError, KeyEncryptionKey>>
  /**
   * Destroy every KEK older than `version` — the one an erasure rotated to, under which every key
   * left is committed — and answer how many. A newer KEK stays: another erasure may have rotated
   * to it and not committed yet, its keys still under `version`.
   */
  readonly retireOlderThan?: (version: number) => Promise<E.Either<KeyStoreUnavailableError, number>>
}

const ivBytes = 12
const tagBytes = 16

/**
 * A subject key wrapped under a KEK, bound to the subject and version it belongs to.
 * @category keys
 * @since 0.2.0
 */
export const wrapKey = (kek: Uint8Array, key: Uint8Array, boundTo: string): Buffer => {
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(Buffer.from(boundTo, 'utf8'))
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()])
}

/**
 * The subject key in a wrapped blob, or `undefined` when the KEK or the binding is not the right one.
 * @category keys
 * @since 0.2.0
 */
export const unwrapKey = (kek: Uint8Array, wrapped: Uint8Array, boundTo: string): Uint8Array | undefined => {
  try {
    const blob = Buffer.from(wrapped)
    const decipher = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, ivBytes)).setAAD(Buffer.from(boundTo, 'utf8'))
    decipher.setAuthTag(blob.subarray(blob.length - tagBytes))
    return new Uint8Array(Buffer.concat([decipher.update(blob.subarray(ivBytes, blob.length - tagBytes)), decipher.final()]))
  } catch {
    return undefined
  }
}

interface KeyringFile {
  readonly current: number
  readonly keys: Readonly<Record<string, string>>
}

const unavailable = (e: unknown) =>
  e instanceof KeyStoreUnavailableError ? e : new KeyStoreUnavailableError(`the key-encryption key file: ${e instanceof Error ? e.message : String(e)}`, false, { cause: e })

const keyBytes = 32
const lockWaitMs = 10_000

// A damaged or hand-edited file is named by the field at fault, and never repeats a key.
const checkedRing = (path: string, ring: unknown): KeyringFile => {
  const bad = (field: string, reason: string) => new KeyStoreUnavailableError(`the key-encryption key file ${path} ${reason}`, false, { field })
  if (typeof ring !== 'object' || ring === null || typeof (ring as KeyringFile).keys !== 'object' || (ring as KeyringFile).keys === null) throw bad('keys', 'has no keys')
  const { current, keys } = ring as KeyringFile
  if (!Number.isSafeInteger(current) || current < 1) throw bad('current', 'names no version (a positive integer)')
  if (keys[current] === undefined) throw bad('current', `names version ${current}, which the file does not hold`)
  for (const [version, key] of Object.entries(keys)) {
    if (typeof key !== 'string' || Buffer.from(key, 'base64').length !== keyBytes) throw bad(`keys.${version}`, `is not ${keyBytes} bytes in base64`)
  }
  return ring as KeyringFile
}

/**
 * KEKs in a file of their own (mode 0600), outside the database and its backups; created with a
 * first KEK when missing. Each change is written to a new file, synced and renamed over the old,
 * so the file is always whole. Rotating and retiring make erasures effective.
 * @category keys
 * @since 0.2.0
 * @example
 * const keys = await postgresKeyStore(pool, { keyEncryptionKeys: fileKeyEncryptionKeys('/etc/acme/kek.json') })
 */
export const fileKeyEncryptionKeys = (path: string): KeyEncryptionKeys => {
  const written = (ring: KeyringFile): string => {
    const temporary = `${path}.${process.pid}.tmp`
    const fd = openSync(temporary, 'w', 0o600)
    try {
      writeSync(fd, JSON.stringify(ring))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    return temporary
  }
  const write = (ring: KeyringFile) => renameSync(written(ring), path)
  const read = (): KeyringFile => {
    if (!existsSync(path)) {
      // Created only where no other process created it first: two first KEKs would lose the keys wrapped under one of them.
      const temporary = written({ current: 1, keys: { 1: randomBytes(32).toString('base64') } })
      try {
        linkSync(temporary, path)
      } catch (e) {
        if ((e as { code?: string }).code !== 'EEXIST') throw e
      } finally {
        rmSync(temporary, { force: true })
      }
    }
    return checkedRing(path, JSON.parse(readFileSync(path, 'utf8')))
  }
  const attempt = async <A>(f: () => A): Promise<E.Either<KeyStoreUnavailableError, A>> => {
    try {
      return E.right(f())
    } catch (e) {
      return E.left(unavailable(e))
    }
  }
  // Read, change and write back under a lock file, so that two processes rotating and retiring
  // at once cannot write back a ring without the other's fresh KEK (a key wrapped under a KEK
  // that then no longer exists is lost).
  const lockPath = `${path}.lock`
  const locked = async <A>(f: () => A): Promise<E.Either<KeyStoreUnavailableError, A>> => {
    try {
      if (!(await acquireLockFile(lockPath, lockWaitMs))) return E.left(new KeyStoreUnavailableError('the key-encryption key file is locked by another process', true))
    } catch (e) {
      return E.left(unavailable(e))
    }
    try {
      return await attempt(f)
    } finally {
      releaseLockFile(lockPath)
    }
  }
  const keyOf = (ring: KeyringFile, version: number) => (ring.keys[version] === undefined ? undefined : new Uint8Array(Buffer.from(ring.keys[version], 'base64')))
  return {
    current: () => attempt(() => {
      const ring = read()
      return { version: ring.current, key: keyOf(ring, ring.current)! }
    }),
    byVersion: (version) => attempt(() => keyOf(read(), version)),
    rotate: () => locked(() => {
      const ring = read()
      const version = Math.max(...Object.keys(ring.keys).map(Number)) + 1
      const key = randomBytes(32)
      write({ current: version, keys: { ...ring.keys, [version]: key.toString('base64') } })
      return { version, key: new Uint8Array(key) }
    }),
    retireOlderThan: (version) => locked(() => {
      const ring = read()
      const kept = Object.entries(ring.keys).filter(([v]) => Number(v) >= version)
      write({ current: ring.current, keys: Object.fromEntries(kept) })
      return Object.keys(ring.keys).length - kept.length
    }),
  }
}

/**
 * One fixed KEK from a secret (e.g. an environment variable of 32 bytes in base64). It keeps the
 * keys unreadable in a stolen database, but cannot rotate: deleted keys stay unwrappable from the
 * bytes a database keeps. Use a rotating source (a file, a KMS) where erasure must not trust the database.
 * @category keys
 * @since 0.2.0
 */
export const secretKeyEncryptionKey = (base64: string): E.Either<KeyStoreUnavailableError, KeyEncryptionKeys> => {
  const key = Buffer.from(base64, 'base64')
  if (key.length !== keyBytes) return E.left(new KeyStoreUnavailableError(`the key-encryption key must be ${keyBytes} bytes in base64`, false, { field: 'keyEncryptionKey' }))
  const kek = { version: 1, key: new Uint8Array(key) }
  return E.right({ current: async () => E.right(kek), byVersion: async (version) => E.right(version === 1 ? kek.key : undefined) })
}
