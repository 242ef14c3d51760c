/**
 * JSON for machines (`--json`): positions and versions are 64-bit integers, written as decimal
 * strings so that no reader loses digits beyond 2^53.
 *
 * @module
 */

/**
 * The JSON text of a value, one document per line, `bigint` as a decimal string.
 * @category terminal
 * @since 0.2.0
 */
export const jsonText = (value: unknown): string =>
  `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v))}\n`
