/**
 * Domain errors — why a command was refused — as typed values: a `_tag` to match on, a stable
 * `code` for logs and translations, a readable `message`, and the offending `field` where one
 * field is to blame. Never thrown, never a bare string.
 *
 * @module
 */
import { showProblems, type FieldProblem, type FieldProblems } from './field-problem.js'

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
 * A command that failed its codec: a wrong type, a missing field, an empty id. `problems` lists
 * every bad field at once; `field` is the first of them, and the message names each path.
 * @category errors
 * @since 0.1.0
 */
export interface InvalidCommandError extends DomainError<'InvalidCommandError'> {
  /** @since 0.2.0 */
  readonly problems: ReadonlyArray<FieldProblem>
}

/**
 * A command refused for bad input: for one field, or for every problem of a decoding.
 * @category errors
 * @since 0.1.0
 * @example
 * invalidCommand('expected a name of at most 300 characters, got a string of 301 characters', 'data.displayName')
 */
export const invalidCommand = (message: string, field?: string, problems?: ReadonlyArray<FieldProblem>): InvalidCommandError => {
  const all = problems ?? [{ field: field ?? '(input)', message }]
  const text = problems === undefined ? message : showProblems(all)
  return field === undefined ? { _tag: 'InvalidCommandError', code: 'invalid-command', message: text, problems: all } : { _tag: 'InvalidCommandError', code: 'invalid-command', message: text, field, problems: all }
}

/**
 * The `InvalidCommandError` of a failed decoding: every problem, the message naming each path.
 * @category errors
 * @since 0.2.0
 */
export const invalidCommandOf = (failure: FieldProblems): InvalidCommandError => invalidCommand(failure.message, failure.field, failure.problems)
