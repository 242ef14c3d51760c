/**
 * One append to the PostgreSQL log (Ereignisprotokoll), all or nothing: lock the stream, check
 * the expected version and chain the batch to the stream's last hash, then move the head and
 * insert in one statement and commit — in two round trips to the server (see `statementsOf`):
 * the opening (begin, lock, tip), then the insert with its COMMIT and the durability barrier, so
 * the head row that orders commits is never held while the client answers nor while the disk
 * syncs. Where the store believes it knows the stream's tip (it wrote or read it last), the whole
 * append is one call of the procedure `ao_append_on_tip`, a prepared statement, and the server
 * checks the belief (postgres-stream-tips.ts). An append is acknowledged only once durable, its own barrier's flush having covered it
 * (postgres-durability.ts); a repeat's answer is made durable before it is given. A repeat of an append already recorded (same event ids, in
 * this stream and order) writes nothing and answers with what was recorded, as core's
 * `classifyRepeat` says. A COMMIT whose answer was lost is a retryable `StoreUnavailableError`;
 * sending the append again is safe, because the event ids make it a repeat.
 *
 * @module
 */
import {
  ConcurrencyError,
  StoreUnavailableError,
  chainHashes,
  classifyRepeat,
  decodeStoredEvent,
  genesisHash,
  nextVersion,
  recordedEventOf,
  satisfies,
  type AppendError,
  type AppendResult,
  type CheckedEvent,
  type Clock,
  type EventSchema,
  type ExpectedVersion,
  type PreparedEvent,
  type RecordedEvent,
  type StoredEvent,
  type StreamVersion,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import type { DurableMark } from './postgres-durability.js'
import { isRecordedEventId, sqlStateOf } from './postgres-errors.js'
import type { StreamTips } from './postgres-stream-tips.js'
import { storedEventOf, type EventRow, type PostgresStatements } from './postgres-statements.js'

/**
 * What an append runs on.
 * @category store
 * @since 0.2.0
 */
export interface AppendContext {
  readonly pool: pg.Pool
  readonly sql: PostgresStatements
  readonly schema: EventSchema
  /** The advisory lock's key text of the stream (schema and stream id). */
  readonly lockKey: string
  readonly commitChannel: string
  readonly clock: Clock
  /** Raised by every acknowledged append; makes a repeat's answer durable. */
  readonly durable: DurableMark
  /** The tips this store believes it knows; an append to one of them takes one round trip. */
  readonly tips: StreamTips
}

/**
 * A checked append, as core's `checkAppend` answers it.
 * @category store
 * @since 0.2.0
 */
export interface CheckedAppend {
  readonly streamId: string
  readonly expectedVersion: ExpectedVersion
  readonly checked: ReadonlyArray<CheckedEvent>
  readonly prepared: ReadonlyArray<PreparedEvent>
}

const resultOf = (rows: ReadonlyArray<StoredEvent>, events: ReadonlyArray<RecordedEvent>): AppendResult => ({
  nextExpectedVersion: rows[rows.length - 1]!.streamVersion,
  lastGlobalPosition: rows[rows.length - 1]!.globalPosition,
  events,
})

// The answer to a repeated append comes from the log; a row that no longer decodes cannot be an
// answer to the writer. The first try may have committed without its barrier (its connection
// lost in between), so the rows are made durable before they are an acknowledgement.
const repeatOf = async (ctx: AppendContext, client: pg.ClientBase, append: CheckedAppend): Promise<E.Either<AppendError, AppendResult> | 'new'> => {
  const { rows } = await client.query<EventRow>({ ...ctx.sql.byEventIds, values: [append.prepared.map((p) => p.eventId)] })
  const repeat = classifyRepeat(append.streamId, append.prepared, rows.map(storedEventOf))
  if (E.isLeft(repeat)) return repeat
  if (repeat.right === 'new') return 'new'
  await ctx.durable.ensure(repeat.right[repeat.right.length - 1]!.globalPosition, client)
  const recorded = E.traverseArray((row: StoredEvent) => decodeStoredEvent(row, ctx.schema))(repeat.right)
  return E.isLeft(recorded)
    ? E.left(new StoreUnavailableError(recorded.left.message, false, { cause: recorded.left }))
    : E.right(resultOf(repeat.right, recorded.right))
}

const insertArgs = (ctx: AppendContext, append: CheckedAppend, rows: ReadonlyArray<Omit<StoredEvent, 'globalPosition'>>, recordedAt: string) => [
  String(rows.length),
  append.streamId,
  recordedAt,
  rows.map((r) => String(r.streamVersion)),
  rows.map((r) => r.eventId),
  rows.map((r) => r.type),
  rows.map((r) => r.schemaVersion),
  rows.map((r) => r.data),
  rows.map((r) => r.metadata),
  rows.map((r) => r.hash),
  ctx.commitChannel,
]

type Inserted = pg.QueryResult<{ global_position: string; stream_version: string }>

// The batch as rows after the stream's tip, each chained to the one before.
const chainedRows = (append: CheckedAppend, actual: StreamVersion, tipHash: string, recordedAt: string) => {
  const first = nextVersion(actual)
  const unchained = append.prepared.map((p, i) => ({ ...p, streamId: append.streamId, streamVersion: first + BigInt(i), recordedAt }))
  const hashes = chainHashes(tipHash, unchained)
  return unchained.map((row, i) => ({ ...row, hash: hashes[i]! }))
}

// The answer to a written batch, each row at the position `positionOf` says; the store now knows
// the stream's tip, and that the log is durable through the batch (its barrier flushed it).
const answerOf = (ctx: AppendContext, append: CheckedAppend, rows: ReturnType<typeof chainedRows>, positionOf: (row: ReturnType<typeof chainedRows>[number], index: number) => bigint): AppendResult => {
  const written = rows.map((row, i) => ({ ...row, globalPosition: positionOf(row, i) }))
  const last = written[written.length - 1]!
  ctx.durable.raise(last.globalPosition)
  ctx.tips.set(append.streamId, { version: last.streamVersion, hash: last.hash })
  return resultOf(written, written.map((row, i) => recordedEventOf(append.checked[i]!, row)))
}

// The whole append in one round trip where the store believes it knows the stream's tip and the
// tip satisfies the expected version; 'long way' where it does not, or where the server found the
// tip moved (then nothing was written).
const appendOnKnownTip = async (ctx: AppendContext, client: pg.ClientBase, append: CheckedAppend): Promise<AppendResult | 'long way'> => {
  const known = ctx.tips.get(append.streamId)
  if (known === undefined || !satisfies(append.expectedVersion, known.version)) return 'long way'
  const recordedAt = ctx.clock()
  const rows = chainedRows(append, known.version, known.hash, recordedAt)
  const { rows: called } = await client.query<{ first_position: string | null }>({
    ...ctx.sql.appendOnTip,
    values: [...insertArgs(ctx, append, rows, recordedAt), String(known.version), known.hash, ctx.lockKey],
  })
  const first = called[0]?.first_position
  // The batch went in as one block of positions, in its order (WITH ORDINALITY).
  if (first !== undefined && first !== null) return answerOf(ctx, append, rows, (_, i) => BigInt(first) + BigInt(i))
  ctx.tips.forget(append.streamId)
  return 'long way'
}

/**
 * Append a checked batch in one transaction; driver failures are thrown for the caller to map.
 * @category store
 * @since 0.2.0
 */
export const appendBatch = async (ctx: AppendContext, append: CheckedAppend): Promise<E.Either<AppendError, AppendResult>> => {
  const client = await ctx.pool.connect()
  let broken = false
  // While checked out, a client that loses its connection between two queries says so here, not
  // as an uncaught error; it is then destroyed instead of going back to the pool.
  const lost = () => (broken = true)
  client.on('error', lost)
  try {
    try {
      const onTip = await appendOnKnownTip(ctx, client, append)
      if (onTip !== 'long way') return E.right(onTip)
      // Three statements, one round trip: fewer waits on the server while appends queue for the head.
      const opened = (await client.query(ctx.sql.openAppend(ctx.lockKey, append.streamId))) as unknown as ReadonlyArray<pg.QueryResult<{ stream_version: string; hash: string }>>
      const tip = opened[2]!.rows[0]
      const actual = tip === undefined ? 'no-stream' : BigInt(tip.stream_version)
      if (!satisfies(append.expectedVersion, actual)) {
        await client.query('ROLLBACK')
        const repeat = await repeatOf(ctx, client, append)
        return repeat === 'new' ? E.left(new ConcurrencyError(append.streamId, append.expectedVersion, actual)) : repeat
      }
      const recordedAt = ctx.clock()
      const rows = chainedRows(append, actual, tip?.hash ?? genesisHash, recordedAt)
      const [, inserted] = (await client.query(ctx.sql.insertAndCommit(insertArgs(ctx, append, rows, recordedAt)))) as unknown as ReadonlyArray<Inserted>
      const positions = new Map(inserted!.rows.map((r) => [r.stream_version, BigInt(r.global_position)]))
      return E.right(answerOf(ctx, append, rows, (row) => positions.get(String(row.streamVersion))!))
    } catch (e) {
      await client.query('ROLLBACK').catch(() => (broken = true))
      if (sqlStateOf(e) === undefined) broken = true
      if (!isRecordedEventId(e) || broken) throw e
      // UNIQUE(event_id) refused the batch: at least one id is recorded, so this is a repeat or a
      // duplicate; 'new' cannot be, and if it is, the refusal is the answer.
      const repeat = await repeatOf(ctx, client, append)
      if (repeat === 'new') throw e
      return repeat
    }
  } finally {
    client.off('error', lost)
    client.release(broken)
  }
}
