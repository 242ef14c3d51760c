/**
 * The base of every error class of the library: an `Error` (so an async iteration can reject
 * with it and keep a stack) with a literal `_tag` to match on and the tag as its `name`.
 *
 * @module
 */

/**
 * A base class for a tagged error.
 * @category errors
 * @since 0.1.0
 * @example
 * export class ConcurrencyError extends TaggedError('ConcurrencyError') {}
 */
export const TaggedError = <Tag extends string>(tag: Tag) =>
  class extends Error {
    readonly _tag: Tag = tag
    constructor(message: string, options?: { cause?: unknown }) {
      super(message, options)
      this.name = tag
    }
  }
