/**
 * The options of opening the event log (Ereignisprotokoll), checked before any file is touched:
 * every problem is named by its field, none repeats the value given (a path may name a person),
 * and a path that would silently open something other than a file on disk — SQLite's private
 * temporary database (`''`), an in-memory one (`':memory:'`), a name cut short at a NUL or
 * trimmed of its spaces — is refused rather than lose the log on close.
 *
 * @module
 */
import type { FieldProblem } from '@account-ownership/core'
import type Database from 'better-sqlite3'
import * as E from 'fp-ts/lib/Either.js'
import { SqliteOpenError } from './sqlite-errors.js'

/**
 * Options that passed the check: where the log lives, in which mode, how long to wait for a lock.
 * @category store
 * @since 0.2.0
 */
export type CheckedSqliteOptions = { readonly readonly: boolean; readonly busyTimeoutMs: number | undefined } & (
  | { readonly path: string }
  | { readonly database: Database.Database }
)

// What kind of value was given, never the value itself.
const kindOf = (u: unknown): string => {
  if (u === null) return 'null'
  if (Array.isArray(u)) return 'a list'
  if (u === '') return 'an empty string'
  if (u === undefined) return 'nothing'
  return typeof u === 'object' ? 'an object' : `a ${typeof u}`
}

const pathProblem = (path: unknown): string | undefined => {
  if (typeof path !== 'string') return `expected the path of a file, got ${kindOf(path)}`
  if (path.trim() === '') return "expected the path of a file, got an empty or blank string (SQLite's private temporary database, lost on close)"
  if (path === ':memory:') return 'expected the path of a file, got the name of an in-memory database (lost on close)'
  if (path.includes('\u0000')) return 'expected the path of a file, got a string with a NUL character (SQLite would open the file named by the part before it)'
  if (path.trim() !== path) return 'expected the path of a file, got a string with leading or trailing spaces (the driver would open the file without them)'
  return undefined
}

// A better-sqlite3 connection, told by what the store uses of it; another copy of the driver passes.
const databaseProblem = (database: unknown): string | undefined => {
  const candidate = database as Partial<Record<'prepare' | 'pragma' | 'transaction', unknown>> & { open?: unknown }
  if (typeof database !== 'object' || database === null || typeof candidate.prepare !== 'function' || typeof candidate.pragma !== 'function') {
    return `expected a better-sqlite3 Database, got ${kindOf(database)}`
  }
  return candidate.open === false ? 'expected an open connection, got one that is closed' : undefined
}

const wholeIn = (value: unknown, min: number, max: number, unit: string): string | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : `expected an integer number of ${unit} from ${min} to ${max}, got ${typeof value === 'number' ? 'a number outside that range' : kindOf(value)}`

// `false`, or an object whose named bounds are whole numbers in range; each problem names its field.
const boundsProblems = (field: string, given: unknown, bounds: Readonly<Record<string, readonly [min: number, max: number, unit: string]>>): ReadonlyArray<FieldProblem> => {
  if (given === undefined || given === false) return []
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    return [{ field, message: `expected false or { ${Object.keys(bounds).map((name) => `${name}?`).join(', ')} }, got ${given === true ? 'true' : kindOf(given)}` }]
  }
  return Object.entries(bounds).flatMap(([name, [min, max, unit]]) => {
    const value = (given as Record<string, unknown>)[name]
    const message = value === undefined ? undefined : wholeIn(value, min, max, unit)
    return message === undefined ? [] : [{ field: `${field}.${name}`, message }]
  })
}

/**
 * Bounds given as options over their defaults: a bound left out, or given as `undefined`, keeps
 * its default (a spread would put the `undefined` in its place).
 * @category store
 * @since 0.4.0
 */
export const boundsOver = <B extends object>(defaults: Required<B>, given: B): Required<B> => {
  const bounds: Record<string, unknown> = { ...defaults }
  for (const [name, value] of Object.entries(given)) if (value !== undefined) bounds[name] = value
  return bounds as Required<B>
}

/**
 * Check the options of `openSqliteEventStore`: exactly one of `path` and `database`, `readonly`
 * a boolean, `busyTimeoutMs` an integer in range, `clock` a function, `schema` an object,
 * `groupCommit` and `readAhead` `false` or an object of whole-number bounds in range. All
 * problems are reported at once in a `SqliteOpenError` with reason `invalid-options`.
 * @category store
 * @since 0.2.0
 */
export const checkSqliteOptions = (options: unknown): E.Either<SqliteOpenError, CheckedSqliteOptions> => {
  if (typeof options !== 'object' || options === null) {
    const problem = { field: 'options', message: `expected an object with a path or a database, got ${kindOf(options)}` }
    return E.left(new SqliteOpenError('invalid-options', undefined, `options: ${problem.message}`, { problems: [problem] }))
  }
  const given = options as Record<string, unknown>
  const hasPath = given.path !== undefined
  const hasDatabase = given.database !== undefined
  const problems: FieldProblem[] = []
  const check = (field: string, message: string | undefined) => (message === undefined ? undefined : problems.push({ field, message }))
  if (hasPath === hasDatabase) check('path', hasPath ? 'give either a path or a database, not both' : 'expected the path of a file, or a database instead, got neither')
  if (hasPath) check('path', pathProblem(given.path))
  if (hasDatabase) check('database', databaseProblem(given.database))
  if (given.readonly !== undefined && typeof given.readonly !== 'boolean') check('readonly', `expected true or false, got ${kindOf(given.readonly)}`)
  if (given.busyTimeoutMs !== undefined) check('busyTimeoutMs', wholeIn(given.busyTimeoutMs, 0, 0x7fffffff, 'milliseconds'))
  if (given.clock !== undefined && typeof given.clock !== 'function') check('clock', `expected a function answering the current instant, got ${kindOf(given.clock)}`)
  if (given.schema !== undefined && (typeof given.schema !== 'object' || given.schema === null)) check('schema', `expected an EventSchema, got ${kindOf(given.schema)}`)
  problems.push(...boundsProblems('groupCommit', given.groupCommit, { maxWaitMicros: [0, 1_000_000, 'microseconds'], maxAppends: [1, 100_000, 'appends'] }))
  problems.push(...boundsProblems('readAhead', given.readAhead, { minEvents: [0, Number.MAX_SAFE_INTEGER, 'events'], events: [1, 1_000_000, 'events'] }))
  const path = typeof given.path === 'string' && pathProblem(given.path) === undefined ? given.path : undefined
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.field}: ${p.message}`).join('; ')
    return E.left(new SqliteOpenError('invalid-options', path, detail, { problems }))
  }
  const common = { readonly: given.readonly === true, busyTimeoutMs: given.busyTimeoutMs as number | undefined }
  return E.right(hasPath ? { ...common, path: given.path as string } : { ...common, database: given.database as Database.Database })
}
