/**
 * Bad input, told by field. Every public entry point decodes what it is given with an io-ts
 * codec; when decoding fails, the first failure becomes a `FieldProblem` that names the field by
 * its path (`data.expiresAt`, `events[2].metadata.commandId`) and says what was expected.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'

/**
 * One field that failed to decode.
 * @category codecs
 * @since 0.1.0
 */
export interface FieldProblem {
  readonly field: string
  readonly message: string
}

/* Unions and intersections key their members by index; those keys are not fields. Wrappers
   (readonly, exact, refinement) validate in their inner codec's context, so look through them. */
const isStructural = (type: t.Decoder<unknown, unknown>): boolean => {
  let inner: t.Decoder<unknown, unknown> = type
  while (inner instanceof t.ReadonlyType || inner instanceof t.ExactType || inner instanceof t.RefinementType) inner = inner.type
  return inner instanceof t.UnionType || inner instanceof t.IntersectionType
}

/*
 * The fields of this domain that hold personal data (a stakeholder's name and e-mail). A problem
 * with one names the field but never repeats its value: error messages end up in logs, and
 * personal data must not (DSGVO).
 */
const personalFields = new Set(['name', 'email'])

const show = (u: unknown, key?: string): string => {
  if (u === undefined) return 'nothing'
  if (key !== undefined && personalFields.has(key) && typeof u === 'string') return 'a value not repeated here (personal data)'
  try {
    const s = JSON.stringify(u, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
    return s.length > 60 ? `${s.slice(0, 57)}...` : s
  } catch {
    return String(u)
  }
}

/**
 * The first failure of a decoding, as a field path and a readable message.
 * @category codecs
 * @since 0.1.0
 */
export const firstProblem = (errors: t.Errors, root = ''): FieldProblem => {
  const error = errors[0]
  if (error === undefined) return { field: root || '(input)', message: 'is invalid' }
  const keys: string[] = []
  error.context.forEach((entry, i) => {
    const parent = error.context[i - 1]
    if (i === 0 || entry.key === '' || (parent !== undefined && isStructural(parent.type))) return
    keys.push(/^\d+$/.test(entry.key) ? `[${entry.key}]` : keys.length === 0 && root === '' ? entry.key : `.${entry.key}`)
  })
  const field = `${root}${keys.join('')}`.replace(/^\./, '') || '(input)'
  const expected = error.message ?? `a ${error.context[error.context.length - 1]?.type.name ?? 'value'}`
  return { field, message: `expected ${expected}, got ${show(error.value, error.context[error.context.length - 1]?.key)}` }
}

/**
 * Decode `u` with `codec`; on failure, the first problem with its field path under `root`.
 * @category codecs
 * @since 0.1.0
 */
export const decodeWith =
  <A, O>(codec: t.Type<A, O, unknown>, root = '') =>
  (u: unknown): E.Either<FieldProblem, A> => {
    const result = codec.decode(u)
    return E.isRight(result) ? result : E.left(firstProblem(result.left, root))
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
    return (u: unknown): E.Either<FieldProblem, t.TypeOf<C>> => {
      const type = typeof u === 'object' && u !== null ? (u as { type?: unknown }).type : undefined
      const codec = typeof type === 'string' ? byType.get(type) : undefined
      if (codec === undefined) {
        return E.left({ field: root === '' ? 'type' : `${root}.type`, message: `expected one of ${known}, got ${show(type)}` })
      }
      return decodeWith(codec, root)(u)
    }
  }
