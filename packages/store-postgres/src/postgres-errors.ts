/**
 * What PostgreSQL can say when the event log (Ereignisprotokoll) is written or read, in the
 * store's words. A driver failure becomes core's `StoreUnavailableError`, whose `retryable` says
 * whether trying again can help: a refused or lost connection, a serialization failure, a
 * deadlock or a server shutting down can; a missing database, a refused login or a broken schema
 * cannot. A log written by a newer release is a `PostgresSchemaError` of its own.
 *
 * @module
 */
import { StoreUnavailableError, TaggedError } from '@account-ownership/core'

/**
 * The log's schema was written by a newer release of this library; nothing was changed.
 * @category errors
 * @since 0.2.0
 */
export class PostgresSchemaError extends TaggedError('PostgresSchemaError') {
  readonly schema: string
  readonly found: number
  readonly known: number
  constructor(schema: string, found: number, known: number) {
    super(`schema ${schema} has event store version ${found}, this release knows up to ${known}; upgrade @account-ownership/store-postgres`)
    this.schema = schema
    this.found = found
    this.known = known
  }
}

// SQLSTATE codes (or their two-character classes) and whether a retry helps.
// 40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 53xxx out of resources
// (too many connections), 57P0x the server is shutting down or restarting, 08xxx the connection
// failed: all pass. 3D000 no such database, 28xxx refused login, 42xxx a schema problem, 22xxx bad
// data, 23xxx a constraint: someone must act first.
const retryableByCode: Readonly<Record<string, boolean>> = {
  '40001': true,
  '40P01': true,
  '55P03': true,
  '57P01': true,
  '57P02': true,
  '57P03': true,
  '57014': true,
  '3D000': false,
  '42P01': false,
}
const retryableByClass: Readonly<Record<string, boolean>> = { '08': true, '53': true, '28': false, '42': false, '22': false, '23': false }

// Node's network errors (before the server said anything) and whether a retry helps.
const retryableBySystemCode: Readonly<Record<string, boolean>> = {
  ECONNREFUSED: true,
  ECONNRESET: true,
  ETIMEDOUT: true,
  EPIPE: true,
  EHOSTUNREACH: true,
  ENETUNREACH: true,
  EAI_AGAIN: true,
  ENOTFOUND: false,
}

/**
 * The SQLSTATE of a server error (`40001`, …), or `undefined` when the value did not come from
 * the server.
 * @category errors
 * @since 0.2.0
 */
export const sqlStateOf = (e: unknown): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

const systemCodeOf = (e: unknown): string | undefined => {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  return typeof code === 'string' && code in retryableBySystemCode ? code : undefined
}

// pg's own failures carry no code: a connect or a query that timed out, a query on an ended pool
// or a connection that went away.
const driverMessage = /timeout exceeded when trying to connect|Query read timeout|Connection terminated|Cannot use a pool after calling end|Client has encountered a connection error|Client was closed|connection timeout|not queryable/i

/**
 * Whether an insert was refused because its event id is already recorded: the sign of a
 * repeated append.
 * @category errors
 * @since 0.2.0
 */
export const isRecordedEventId = (e: unknown): boolean =>
  sqlStateOf(e) === '23505' && (e as { constraint?: unknown }).constraint === 'ao_events_event_id'

/**
 * Whether a thrown value is a failure of PostgreSQL or of the connection to it, as opposed to a bug.
 * @category errors
 * @since 0.2.0
 */
export const isPostgresFailure = (e: unknown): boolean =>
  sqlStateOf(e) !== undefined || systemCodeOf(e) !== undefined || (e instanceof Error && driverMessage.test(e.message))

/**
 * The store error of a PostgreSQL or connection failure: a `StoreUnavailableError` naming the
 * code, retryable where waiting can help.
 * @category errors
 * @since 0.2.0
 */
export const storeErrorOfPostgres = (e: unknown): StoreUnavailableError => {
  const message = e instanceof Error ? e.message : String(e)
  const state = sqlStateOf(e)
  if (state !== undefined) {
    const retryable = retryableByCode[state] ?? retryableByClass[state.slice(0, 2)] ?? false
    return new StoreUnavailableError(`PostgreSQL ${state}: ${message}`, retryable, { cause: e })
  }
  const system = systemCodeOf(e)
  if (system !== undefined) return new StoreUnavailableError(`cannot reach PostgreSQL (${system}): ${message}`, retryableBySystemCode[system]!, { cause: e })
  const ended = /after calling end/i.test(message)
  return new StoreUnavailableError(`PostgreSQL connection failed: ${message}`, !ended, { cause: e })
}
