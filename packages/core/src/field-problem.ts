/**
 * Bad input, told by field. Every public entry point decodes what it is given with an io-ts
 * codec; when decoding fails, every failure becomes a `FieldProblem` that names the field by its
 * path (`data.expiresAt`, `events[2].metadata.commandId`) and says what was expected — and what
 * kind of value came instead, never the value itself: error messages end up in logs, and a value
 * given in the wrong place may be personal data (a contact's name where an id was expected) or
 * simply too large to repeat (an id of 10,000 characters).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeValue } from './value-description.js'

/**
 * One field that failed to decode.
 * @category codecs
 * @since 0.1.0
 */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

/**
 * Every field that failed to decode, at least one. `field` and `message` are the first
 * problem's, so a caller that reads only those keeps working.
 * @category codecs
 * @since 0.2.0
 */
export interface FieldProblems extends FieldProblem {
  readonly problems: readonly [FieldProblem, ...FieldProblem[]]
}

/* Unions and intersections key their members by index; those keys are not fields. Wrappers
   (readonly, exact, refinement) validate in their inner codec's context, so look through them. */
const isStructural = (type: t.Decoder<unknown, unknown>): boolean => {
  let inner: t.Decoder<unknown, unknown> = type
  while (inner instanceof t.ReadonlyType || inner instanceof t.ExactType || inner instanceof t.RefinementType) inner = inner.type
  return inner instanceof t.UnionType || inner instanceof t.IntersectionType
}

// "an Actor", "an Instant", but "a UUID".
const withArticle = (name: string) => `${/^([AEIOaeiou]|U[a-z])/.test(name) ? 'an' : 'a'} ${name}`

const problemOf = (error: t.ValidationError, root: string): FieldProblem => {
  const keys: string[] = []
  error.context.forEach((entry, i) => {
    const parent = error.context[i - 1]
    if (i === 0 || entry.key === '' || (parent !== undefined && isStructural(parent.type))) return
    keys.push(/^\d+$/.test(entry.key) ? `[${entry.key}]` : keys.length === 0 && root === '' ? entry.key : `.${entry.key}`)
  })
  const field = `${root}${keys.join('')}`.replace(/^\./, '') || '(input)'
  const expected = error.message ?? withArticle(error.context[error.context.length - 1]?.type.name ?? 'value')
  return { field, message: `expected ${expected}, got ${describeValue(error.value)}` }
}

/**
 * Every failure of a decoding, one problem per field (the first failure of each field, in order),
 * as field paths under `root` and readable messages.
 * @category codecs
 * @since 0.2.0
 */
export const allProblems = (errors: t.Errors, root = ''): FieldProblems => {
  const byField = new Map<string, FieldProblem>()
  for (const error of errors) {
    const problem = problemOf(error, root)
    if (!byField.has(problem.field)) byField.set(problem.field, problem)
  }
  const [first = { field: root || '(input)', message: 'is invalid' }, ...rest] = byField.values()
  return problemsOf([first, ...rest])
}

/**
 * Problems gathered into one: `field` and `message` are the first's.
 * @category codecs
 * @since 0.2.0
 */
export const problemsOf = (problems: readonly [FieldProblem, ...FieldProblem[]]): FieldProblems => ({ ...problems[0], problems })

/**
 * The first failure of a decoding, as a field path and a readable message.
 * @category codecs
 * @since 0.1.0
 */
export const firstProblem = (errors: t.Errors, root = ''): FieldProblem => {
  const { field, message } = allProblems(errors, root)
  return { field, message }
}

/* A getter that throws, a revoked proxy: input that cannot even be read is bad input too. */
const unreadable = (root: string): FieldProblems =>
  problemsOf([{ field: root || '(input)', message: 'could not be read (reading one of its properties threw)' }])

/**
 * Decode `u` with `codec`; on failure, every problem with its field path under `root`.
 * @category codecs
 * @since 0.1.0
 */
export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>, root = '') =>
  (u: unknown): E.Either<FieldProblems, A> => {
    try {
      const result = codec.decode(u)
      return E.isRight(result) ? result : E.left(allProblems(result.left, root))
    } catch {
      return E.left(unreadable(root))
    }
  }

/**
 * Decode a `{ type, data }` message with the one codec its `type` names, so that a problem is
 * reported against that message's own fields rather than against every member of a union.
 * @category codecs
 * @since 0.1.0
 */
export const decodeByType =
  <C extends t.Mixed>(members: ReadonlyArray<C>, root = '') => {
    const byType = new Map<string, C>()
    for (const m of members) byType.set(m.name, m)
    const known = [...byType.keys()].join(', ')
    return (u: unknown): E.Either<FieldProblems, t.TypeOf<C>> => {
      let type: unknown
      try {
        type = typeof u === 'object' && u !== null ? (u as { type?: unknown }).type : undefined
      } catch {
        return E.left(unreadable(root))
      }
      const codec = typeof type === 'string' ? byType.get(type) : undefined
      if (codec === undefined) {
        return E.left(problemsOf([{ field: root === '' ? 'type' : `${root}.type`, message: `expected one of ${known}, got ${describeValue(type)}` }]))
      }
      return decodeWith(codec, root)(u)
    }
  }

/**
 * The problems as one message that names each path: `data.accountId: expected …; data.expiresAt: …`.
 * @category codecs
 * @since 0.2.0
 */
export const showProblems = (problems: ReadonlyArray<FieldProblem>): string => problems.map((p) => `${p.field}: ${p.message}`).join('; ')
