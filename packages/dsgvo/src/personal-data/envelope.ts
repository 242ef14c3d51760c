/**
 * The envelope of one encrypted personal value (verschlüsselter personenbezogener Wert), as the
 * string that stands in the event payload in its place:
 *
 *     pd1~<subjectId>~<keyVersion>~<base64url(iv ‖ ciphertext ‖ tag)>
 *
 * AES-256-GCM with a random 96-bit IV per value and a 128-bit tag. The header names the key
 * (subject and version) so a value can be opened without knowing which event it came from; the
 * additional authenticated data binds it to its event id and field, so a ciphertext moved to
 * another event or field no longer opens. `~` occurs in neither ids nor base64url.
 *
 * @module
 */
import type { SubjectId } from '@account-ownership/core'
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type { SubjectKey } from '../keys/key-store.js'

/* Core holds the marker, so that read models (projections) overwrite with the same one. */
export { erasedMarker } from '@account-ownership/core'

/**
 * The header of an envelope.
 * @category personal data
 * @since 0.1.0
 */
export interface Envelope {
  readonly subjectId: SubjectId
  readonly keyVersion: number
  readonly sealed: Buffer
}

const prefix = 'pd1'
const ivBytes = 12
const tagBytes = 16

/**
 * Where a value sits: the event and the field; authenticated with the ciphertext.
 * @category personal data
 * @since 0.1.0
 */
export interface ValuePlace {
  readonly eventId: string
  readonly field: string
}

const aadOf = (subjectId: string, version: number, place: ValuePlace): Buffer =>
  Buffer.from(`${prefix}~${subjectId}~${version}~${place.eventId}~${place.field}`, 'utf8')

/**
 * Encrypt one value with the subject's key into its envelope.
 * @category personal data
 * @since 0.1.0
 */
export const seal = (key: SubjectKey, plaintext: string, place: ValuePlace): string => {
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: tagBytes })
  cipher.setAAD(aadOf(key.subjectId, key.version, place))
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `${prefix}~${key.subjectId}~${key.version}~${body.toString('base64url')}`
}

/**
 * The header of a stored value, or `undefined` when the value is not an envelope (plain text).
 * @category personal data
 * @since 0.1.0
 */
export const parseEnvelope = (value: string): Envelope | undefined => {
  const parts = value.split('~')
  if (parts.length !== 4 || parts[0] !== prefix || !/^[1-9]\d{0,8}$/.test(parts[2]!)) return undefined
  const sealed = Buffer.from(parts[3]!, 'base64url')
  if (sealed.length < ivBytes + tagBytes) return undefined
  return { subjectId: parts[1] as SubjectId, keyVersion: Number(parts[2]), sealed }
}

/**
 * Decrypt an envelope with its key; a `Left` says why it does not open (tampered or misplaced).
 * @category personal data
 * @since 0.1.0
 */
export const open = (key: SubjectKey, envelope: Envelope, place: ValuePlace): E.Either<string, string> =>
  E.tryCatch(
    () => {
      const { sealed } = envelope
      const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, ivBytes), { authTagLength: tagBytes })
      decipher.setAAD(aadOf(envelope.subjectId, envelope.keyVersion, place))
      decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes))
      return Buffer.concat([decipher.update(sealed.subarray(ivBytes, sealed.length - tagBytes)), decipher.final()]).toString('utf8')
    },
    () => `${place.field} does not open with key ${envelope.subjectId} v${envelope.keyVersion}: altered, or moved from another event`,
  )
