/**
 * Importing stored rows into the PostgreSQL log (core's `StoredEventImport`), so a log copied
 * from another store keeps its event ids, versions, positions, times and chain hashes. An import
 * locks its streams and then the log's head, as appends do, so it never interleaves with them;
 * core's `checkImport` refuses any row that does not continue the log, and the batch is written
 * all or nothing.
 *
 * @module
 */
import { DuplicateEventError, checkImport, type ImportError, type ImportResult, type StoredEvent, type StreamTip } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type pg from 'pg'
import { isRecordedEventId, sqlStateOf } from './postgres-errors.js'
import type { PostgresStatements } from './postgres-statements.js'

/**
 * What an import runs on.
 * @category store
 * @since 0.2.0
 */
export interface ImportContext {
  readonly pool: pg.Pool
  readonly sql: PostgresStatements
  readonly schema: string
  readonly commitChannel: string
}

const column = <K extends keyof StoredEvent>(rows: ReadonlyArray<StoredEvent>, key: K, show: (v: StoredEvent[K]) => unknown = (v) => v) => rows.map((r) => show(r[key]))

/**
 * Import `rows` in one transaction; driver failures are thrown for the caller to map.
 * @category store
 * @since 0.2.0
 */
export const importRows = async (ctx: ImportContext, rows: ReadonlyArray<StoredEvent>): Promise<E.Either<ImportError, ImportResult>> => {
  const streams = Array.isArray(rows) ? [...new Set(rows.map((r) => r?.streamId))].filter((s) => typeof s === 'string').sort() : []
  const client = await ctx.pool.connect()
  let broken = false
  const lost = () => (broken = true)
  client.on('error', lost)
  try {
    await client.query('BEGIN')
    for (const stream of streams) await client.query(ctx.sql.lockStream, [`${ctx.schema}/${stream}`])
    const head = BigInt((await client.query<{ p: string }>(ctx.sql.lockHead)).rows[0]!.p)
    const tipRows = (await client.query<{ stream_id: string; version: string; hash: string }>(ctx.sql.streamTips, [streams])).rows
    const tips = new Map<string, StreamTip>(tipRows.map((t) => [t.stream_id, { version: BigInt(t.version), hash: t.hash }]))
    const checked = checkImport(rows, tips, head, { dense: true })
    if (E.isLeft(checked)) {
      await client.query('ROLLBACK')
      return checked
    }
    const args = [
      column(rows, 'globalPosition', String),
      column(rows, 'streamId'),
      column(rows, 'streamVersion', String),
      column(rows, 'eventId'),
      column(rows, 'type'),
      column(rows, 'schemaVersion'),
      column(rows, 'data'),
      column(rows, 'metadata'),
      column(rows, 'recordedAt'),
      column(rows, 'hash'),
      ctx.commitChannel,
    ]
    const moved = await client.query<{ p: string }>(ctx.sql.importRows, args)
    await client.query('COMMIT')
    return E.right({ imported: rows.length, head: BigInt(moved.rows[0]!.p) })
  } catch (e) {
    await client.query('ROLLBACK').catch(() => (broken = true))
    if (sqlStateOf(e) === undefined) broken = true
    if (!isRecordedEventId(e) || broken) throw e
    // An event id of the batch is recorded already: name it.
    const { rows: found } = await client.query<{ event_id: string; stream_id: string }>({ ...ctx.sql.byEventIds, values: [rows.map((r) => r.eventId)] })
    const first = found[0]
    return first === undefined ? Promise.reject(e) : E.left(new DuplicateEventError(first.event_id, first.stream_id))
  } finally {
    client.off('error', lost)
    client.release(broken)
  }
}
