/**
 * Personal data in text fields (personenbezogene Daten). A field marked personal — a contact's
 * name and e-mail — holds its plain text, or, in the log an encrypting store writes, that text
 * sealed under its subject's key: `<scheme>~<subjectId>~<key version>~<base64url>`, ASCII only.
 * The log's codecs take both; the sealed form is bounded by the longest sealing of the plain
 * text the field allows, so the limit on the plain text still bounds what is stored.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * What a personal value reads as once its subject is erased: the key is destroyed, the value is
 * gone for good. Read models that copied the value overwrite it with this marker too.
 * @category personal data
 * @since 0.1.0
 */
export const erasedMarker = '[erased]'

const sealedShape = /^[a-z0-9]{1,16}~[A-Za-z0-9._:-]{1,160}~[1-9][0-9]{0,8}~[A-Za-z0-9_-]+$/

/**
 * The longest sealed form of a plain text of at most `maxPlainLength` UTF-16 code units: each is
 * at most 3 UTF-8 bytes, 28 bytes of nonce and tag, base64url, and the labels before it.
 * @category personal data
 * @since 0.2.0
 */
export const maxSealedLength = (maxPlainLength: number): number => Math.ceil(((3 * maxPlainLength + 28) * 4) / 3) + 16 + 160 + 9 + 3

/**
 * A personal text field: what `plain` accepts, or a sealed value no longer than the sealing of
 * the longest plain text allows.
 * @category personal data
 * @since 0.2.0
 */
export const personalText = (plain: t.Type<string, string, unknown>, maxPlainLength: number): t.Type<string, string, unknown> => {
  const maxLength = maxSealedLength(maxPlainLength)
  const isSealed = (u: unknown): u is string => typeof u === 'string' && u.length <= maxLength && sealedShape.test(u)
  return new t.Type<string, string, unknown>(
    plain.name,
    (u): u is string => plain.is(u) || isSealed(u),
    (u, c) => (isSealed(u) ? t.success(u) : plain.validate(u, c)),
    t.identity,
  )
}
