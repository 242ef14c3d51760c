/**
 * Text fields — Freitext und Namen. Every text the log takes is checked for what storage and
 * read models cannot carry unchanged: no C0 control character but tab and newline (a NUL stops a
 * PostgreSQL read model for good), no lone UTF-16 surrogate (it reads back as U+FFFD), and a
 * length limit by kind — names at most 300 characters, free text at most 2,000, e-mail addresses
 * at most 254 (RFC 5321). Lengths count UTF-16 code units, as `String.length` does.
 *
 * @module
 */
import * as t from 'io-ts'
import { forbiddenCharacterIn } from './value-description.js'

/**
 * The longest name (an account's display name, a contact's name): 300 characters.
 * @category text
 * @since 0.2.0
 */
export const maxNameLength = 300

/**
 * The longest free text (a purpose, a reason, a criterion): 2,000 characters.
 * @category text
 * @since 0.2.0
 */
export const maxFreeTextLength = 2000

/**
 * The longest e-mail address: 254 characters (RFC 5321).
 * @category text
 * @since 0.2.0
 */
export const maxEmailLength = 254

/**
 * A codec of text that is not blank, holds no forbidden character and is at most `maxLength`
 * long; `what` names it in problem messages.
 * @category text
 * @since 0.2.0
 * @example
 * const TicketTitle = textOf('TicketTitle', 'a ticket title', 120)
 */
export const textOf = (name: string, what: string, maxLength: number, accepts: (s: string) => boolean = () => true): t.Type<string, string, unknown> => {
  const problem = (s: string): string | undefined =>
    forbiddenCharacterIn(s) !== undefined
      ? `${what} without control characters (but tab and newline) or lone surrogates`
      : s.length > maxLength
        ? `${what} of at most ${maxLength} characters`
        : s.trim().length === 0
          ? `${what} that is not blank`
          : accepts(s)
            ? undefined
            : what
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && problem(u) === undefined,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, `${what} (text)`)
      const p = problem(u)
      return p === undefined ? t.success(u) : t.failure(u, c, p)
    },
    t.identity,
  )
}

/**
 * A name: an account's display name, a contact's name; at most 300 characters.
 * @category text
 * @since 0.2.0
 */
export const Name = textOf('Name', 'a name', maxNameLength)
/** @category text @since 0.2.0 */
export type Name = t.TypeOf<typeof Name>

/**
 * Free text that must say something: not blank, at most 2,000 characters, no control characters
 * but tab and newline.
 * @category text
 * @since 0.1.0
 */
export const NonEmptyText = textOf('NonEmptyText', 'text', maxFreeTextLength)
/** @category text @since 0.1.0 */
export type NonEmptyText = t.TypeOf<typeof NonEmptyText>

/**
 * An e-mail address: something before and after one `@`, no spaces, at most 254 characters.
 * @category text
 * @since 0.2.0
 */
export const EmailAddress = textOf('EmailAddress', 'an e-mail address', maxEmailLength, (s) => /^[^\s@]+@[^\s@]+$/.test(s))
/** @category text @since 0.2.0 */
export type EmailAddress = t.TypeOf<typeof EmailAddress>
