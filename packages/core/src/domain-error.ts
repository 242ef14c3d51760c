/**
 * Domain errors — why a command was refused — as typed values: a `_tag` to match on, a stable
 * `code` for logs and translations, a readable `message`, and the offending `field` where one
 * field is to blame. Never thrown, never a bare string.
 *
 * @module
 */

/**
 * A refused command.
 * @category errors
 * @since 0.1.0
 */
export interface DomainError<Tag extends string = string> {
  readonly _tag: Tag
  readonly code: string
  readonly message: string
  /** Path of the field to blame, e.g. `data.reasonCode`; absent when the state is to blame. */
  readonly field?: string
}

const codeOf = (tag: string): string =>
  tag
    .replace(/Error$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()

/**
 * A constructor of one kind of domain error; its code is the tag in kebab case
 * (`AccountArchivedError` → `account-archived`).
 * @category errors
 * @since 0.1.0
 */
export const domainError =
  <Tag extends `${string}Error`>(tag: Tag) =>
  (message: string, field?: string): DomainError<Tag> =>
    field === undefined ? { _tag: tag, code: codeOf(tag), message } : { _tag: tag, code: codeOf(tag), message, field }

/**
 * A command that failed its codec: a wrong type, a missing field, an empty id.
 * @category errors
 * @since 0.1.0
 */
export type InvalidCommandError = DomainError<'InvalidCommandError'>

/** @category errors @since 0.1.0 */
export const invalidCommand = domainError('InvalidCommandError')
