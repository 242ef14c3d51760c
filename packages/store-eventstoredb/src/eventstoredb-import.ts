/**
 * Importing stored rows into EventStoreDB (Übernahme gespeicherter Ereignisse), so that core's
 * `copyLog` can move a log here from SQLite or PostgreSQL: event ids, stream versions, business
 * and recorded times, metadata and chain hashes stay as they were; the global positions do not,
 * because the server assigns its own log offsets — the order of the rows is kept instead.
 *
 * The whole batch is checked first against its streams' last versions and hashes (core's
 * `checkImport`), so a row that does not continue the log refuses the batch before anything is
 * written. The server then takes each run of consecutive rows of one stream as one append at the
 * revision just read. A batch over several streams is therefore written stream run by stream run,
 * not all at once: a copy killed in between has written a prefix of the source's order, from which
 * `copyLog` resumes.
 *
 * @module
 */
import { CorruptEventError, StoreUnavailableError, checkImport, genesisHash, type ImportError, type ImportResult, type StoredEvent, type StreamTip } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { EventStoreDbDriver } from './eventstoredb-driver.js'
import { isWrongExpectedVersion, storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
import type { StreamNaming } from './eventstoredb-naming.js'
import { lastRow } from './eventstoredb-reads.js'
import { proposalOf } from './eventstoredb-record.js'

/**
 * What an import runs on.
 * @category store
 * @since 0.3.0
 */
export interface ImportContext {
  readonly driver: EventStoreDbDriver
  readonly naming: StreamNaming
}

// Consecutive rows of one stream: what one append takes.
const runsOf = (rows: ReadonlyArray<StoredEvent>): StoredEvent[][] => {
  const runs: StoredEvent[][] = []
  for (const row of rows) {
    const run = runs[runs.length - 1]
    if (run !== undefined && run[0]!.streamId === row.streamId) run.push(row)
    else runs.push([row])
  }
  return runs
}

// The correlation the row was appended with, for the server's `$by_correlation_id`.
const correlationOf = (row: StoredEvent): { correlationId: string; causationId: string } => {
  const metadata = JSON.parse(row.metadata) as { correlationId?: unknown; causationId?: unknown }
  const id = (u: unknown) => (typeof u === 'string' ? u : row.eventId)
  return { correlationId: id(metadata.correlationId), causationId: id(metadata.causationId) }
}

// Reads reject with the store's errors already; a client failure is mapped here.
const failure = (e: unknown): ImportError => (e instanceof StoreUnavailableError || e instanceof CorruptEventError ? e : storeErrorOfEventStoreDb(e))

/**
 * Append `rows` (in the source's global order) as they were stored, each stream's run at the
 * revision its stream is at; the positions of `rows` only have to increase.
 * @category store
 * @since 0.3.0
 */
export const importRows = async (context: ImportContext, rows: ReadonlyArray<StoredEvent>): Promise<E.Either<ImportError, ImportResult>> => {
  const { driver, naming } = context
  const streams = Array.isArray(rows) ? [...new Set(rows.map((r) => r?.streamId))].filter((s): s is string => typeof s === 'string') : []
  const tips = new Map<string, StreamTip>()
  try {
    for (const stream of streams) {
      const last = await lastRow(driver, naming, stream)
      if (last !== undefined) tips.set(stream, { version: last.streamVersion, hash: last.hash ?? genesisHash })
    }
  } catch (e) {
    return E.left(failure(e))
  }
  // Positions are the server's to give, so the rows' own need only increase from the first.
  const checked = checkImport(rows, tips, 0n)
  if (E.isLeft(checked)) return checked
  let written: StoredEvent | undefined
  for (const run of runsOf(rows)) {
    const streamId = run[0]!.streamId
    let previous = tips.get(streamId)?.hash ?? genesisHash
    const proposals = run.map((row) => {
      const proposal = proposalOf({ ...row, hash: row.hash!, previousHash: previous }, correlationOf(row))
      previous = row.hash!
      return proposal
    })
    try {
      await driver.append(naming.serverName(streamId), proposals, tips.get(streamId)?.version ?? 'no-stream')
      written = await lastRow(driver, naming, streamId)
    } catch (e) {
      if (isWrongExpectedVersion(e)) return E.left(new StoreUnavailableError(`${streamId}: another writer appended to the stream during the import`, true, { cause: e }))
      return E.left(failure(e))
    }
    tips.set(streamId, { version: run[run.length - 1]!.streamVersion, hash: previous })
  }
  return E.right({ imported: rows.length, head: written?.globalPosition ?? 0n })
}
