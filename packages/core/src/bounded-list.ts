/**
 * Lists in events and commands have at most 100 entries (e.g. a classification's criteria), so
 * that no one event can grow without bound.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * The longest list: 100 entries.
 * @category quantity
 * @since 0.2.0
 */
export const maxListLength = 100

/**
 * A readonly list of at most `maxLength` entries of `item`; each bad entry is named by its index.
 * @category quantity
 * @since 0.2.0
 * @example
 * const Criteria = boundedList(NonEmptyText)
 */
export const boundedList = <C extends t.Mixed>(item: C, maxLength = maxListLength): BoundedListC<C> => {
  const list = t.readonlyArray(item)
  const codec = new t.Type<ReadonlyArray<t.TypeOf<C>>, ReadonlyArray<t.OutputOf<C>>, unknown>(
    `BoundedList<${item.name}>`,
    (u): u is ReadonlyArray<t.TypeOf<C>> => list.is(u) && u.length <= maxLength,
    (u, c) => (Array.isArray(u) && u.length > maxLength ? t.failure(u, c, `a list of at most ${maxLength} entries`) : list.validate(u, c)),
    list.encode,
  )
  return Object.assign(codec, { item, maxLength })
}

/**
 * The codec `boundedList` makes: a list codec that also tells its entry codec and longest length.
 * @category quantity
 * @since 0.2.0
 */
export type BoundedListC<C extends t.Mixed> = t.Type<ReadonlyArray<t.TypeOf<C>>, ReadonlyArray<t.OutputOf<C>>, unknown> & { readonly item: C; readonly maxLength: number }
