/**
 * How a bad value is described in a problem message: by its kind and size (`a string of 12
 * characters`, `NaN`, `a list of 3 entries`), and where a string holds a character no text field
 * takes, which one and where — never by the value itself, which may be personal data or far too
 * long to repeat.
 *
 * @module
 */

/**
 * The first character no text field takes (a C0 control other than tab and newline, or a lone
 * UTF-16 surrogate), named by code point and index, or `undefined`.
 * @category codecs
 * @since 0.2.0
 */
export const forbiddenCharacterIn = (s: string): string | undefined => {
  const at = s.search(/[\u0000-\u0008\u000b-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
  if (at < 0) return undefined
  const code = s.charCodeAt(at)
  const name = code < 0x20 ? 'a control character' : 'a lone surrogate'
  return `${name} U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${at}`
}

/**
 * What kind of value `u` is, without repeating it: `a string of 12 characters`, `NaN`,
 * `a list of 3 entries`. Used in every problem message.
 * @category codecs
 * @since 0.2.0
 * @example
 * describeValue('Erika Mustermann') // 'a string of 16 characters'
 */
export const describeValue = (u: unknown): string => {
  if (u === undefined) return 'nothing'
  if (u === null) return 'null'
  switch (typeof u) {
    case 'string': {
      if (u.length === 0) return 'an empty string'
      const bad = forbiddenCharacterIn(u)
      const size = `a string of ${u.length} character${u.length === 1 ? '' : 's'}`
      return bad === undefined ? size : `${size} with ${bad}`
    }
    case 'number':
      if (Number.isNaN(u)) return 'NaN'
      if (!Number.isFinite(u)) return u > 0 ? 'Infinity' : '-Infinity'
      if (Object.is(u, -0)) return '-0'
      return Number.isInteger(u) ? (Number.isSafeInteger(u) ? 'an integer' : 'an integer beyond 2^53') : 'a fraction'
    case 'bigint':
      return 'a bigint'
    case 'boolean':
      return 'a boolean'
    case 'function':
      return 'a function'
    case 'symbol':
      return 'a symbol'
    default:
      return Array.isArray(u) ? `a list of ${u.length} entr${u.length === 1 ? 'y' : 'ies'}` : u instanceof Date ? 'a Date' : 'an object'
  }
}
