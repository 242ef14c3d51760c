/**
 * Numbers in events and commands — Kennzahlen und Zählwerte. Every number the log takes is
 * finite (NaN and ±Infinity have no JSON form: they would be stored as `null` and brick every
 * read after), and not `-0` (JSON writes it as `0`, so it would not read back as given). Counts
 * are whole numbers from 0 to 2^53 − 1.
 *
 * @module
 */
import * as t from 'io-ts'

const isFinite = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u) && !Object.is(u, -0)

/**
 * A finite number other than `-0`, e.g. a classification score.
 * @category quantity
 * @since 0.2.0
 */
export const FiniteNumber = new t.Type<number, number, unknown>(
  'FiniteNumber',
  isFinite,
  (u, c) => (isFinite(u) ? t.success(u) : t.failure(u, c, 'a finite number (not NaN, ±Infinity or -0)')),
  t.identity,
)
/** @category quantity @since 0.2.0 */
export type FiniteNumber = t.TypeOf<typeof FiniteNumber>

const isCount = (u: unknown): u is number => isFinite(u) && Number.isSafeInteger(u) && u >= 0

/**
 * A count: a whole number from 0 to 2^53 − 1, e.g. how many keys an erasure destroyed.
 * @category quantity
 * @since 0.2.0
 */
export const Count = new t.Type<number, number, unknown>(
  'Count',
  isCount,
  (u, c) => (isCount(u) ? t.success(u) : t.failure(u, c, 'a whole number from 0 to 2^53 - 1')),
  t.identity,
)
/** @category quantity @since 0.2.0 */
export type Count = t.TypeOf<typeof Count>
