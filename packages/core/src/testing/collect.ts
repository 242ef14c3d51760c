/**
 * A read taken to its end inside a test: what it yielded, or what it rejected with. Shared by the
 * contract suites of the test kit; not exported.
 *
 * @module
 */

/** Every item of `it`, in order. */
export const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = []
  for await (const a of it) out.push(a)
  return out
}

/** What iterating `it` rejected with, or `undefined` when it ran to its end. */
export const rejection = async (it: AsyncIterable<unknown>): Promise<unknown> => {
  try {
    await collect(it)
  } catch (e) {
    return e
  }
  return undefined
}
