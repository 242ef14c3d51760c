/**
 * A map of at most `capacity` entries that drops the least recently used first — what a cache of
 * streams (the command handler's states, a store's known stream tips) needs to stay bounded.
 *
 * @module
 */

/**
 * The entries kept, the least recently used dropped first.
 * @category caching
 * @since 0.3.0
 */
export interface LeastRecentlyUsed<K, V> {
  /** The entry of `key`, which now counts as just used. */
  readonly get: (key: K) => V | undefined
  /** The entry of `key`, without counting as a use. */
  readonly peek: (key: K) => V | undefined
  /** Keep `value` as the most recently used; drops the least recently used beyond `capacity`. */
  readonly set: (key: K, value: V) => void
  /** Forget the entry of `key`. */
  readonly delete: (key: K) => void
}

/**
 * An empty map of at most `capacity` entries.
 * @category caching
 * @since 0.3.0
 * @example
 * const tips = leastRecentlyUsed<string, bigint>(2)
 * tips.set('a', 1n); tips.set('b', 2n); tips.get('a'); tips.set('c', 3n) // drops 'b'
 */
export const leastRecentlyUsed = <K, V>(capacity: number): LeastRecentlyUsed<K, V> => {
  // A Map iterates in insertion order: moving an entry to the end on use keeps the least
  // recently used one first.
  const entries = new Map<K, V>()
  const set = (key: K, value: V) => {
    entries.delete(key)
    entries.set(key, value)
    if (entries.size > capacity) entries.delete(entries.keys().next().value!)
  }
  return {
    get: (key) => {
      const value = entries.get(key)
      if (value !== undefined) set(key, value)
      return value
    },
    peek: (key) => entries.get(key),
    set,
    delete: (key) => void entries.delete(key),
  }
}
