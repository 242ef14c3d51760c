/**
 * Appending to one stream of EventStoreDB (anhängen), all or nothing, with the store's rules on
 * top of the server's. The server checks one thing: that the stream is at the revision the append
 * names. The store therefore reads the stream first, and then
 *
 * 1. answers a repeat — every event id of the batch already recorded, in this stream and order —
 *    with what was recorded, writing nothing (core's `classifyRepeat`; any other overlap is a
 *    `DuplicateEventError`);
 * 2. checks the caller's expected version (`satisfies`) against the version it read;
 * 3. computes each event's chain hash from the stream's last hash (`chainHash`) and appends at
 *    exactly the revision it read, so the hashes link to the event that is really last;
 * 4. reads the new events back for their global positions, which the server assigns.
 *
 * If another writer appended between 1 and 3, the server refuses the append and the store starts
 * again from 1, a bounded number of times: a racing repeat is then answered as a repeat, a
 * caller who expected an exact version gets a `ConcurrencyError` with the actual one, and a caller
 * who expected `'any'` or `'exists'` is appended after the newcomer.
 *
 * The server keeps no index by event id, so an event id is checked against the stream it is
 * appended to, not against every stream of the log.
 *
 * @module
 */
import {
  ConcurrencyError,
  StoreUnavailableError,
  chainHash,
  checkAppend,
  classifyRepeat,
  decodeStoredEvent,
  genesisHash,
  isStoreError,
  nextVersion,
  recordedEventOf,
  satisfies,
  type AppendError,
  type AppendResult,
  type AppendOptions,
  type Clock,
  type EventSchema,
  type NewEvent,
  type StoredEvent,
  type StreamVersion,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { EventStoreDbDriver } from './eventstoredb-driver.js'
import { actualVersionOf, isWrongExpectedVersion, storeErrorOfEventStoreDb } from './eventstoredb-errors.js'
import type { StreamNaming } from './eventstoredb-naming.js'
import { streamRows } from './eventstoredb-reads.js'
import { proposalOf, type ChainedRow } from './eventstoredb-record.js'

/**
 * What an append needs besides its arguments.
 * @category store
 * @since 0.2.0
 */
export interface AppendContext {
  readonly driver: EventStoreDbDriver
  readonly naming: StreamNaming
  readonly schema: EventSchema
  readonly clock: Clock
  /** How often an append starts again after another writer got in between; at least 1. */
  readonly attempts: number
  /** Events per round trip when the stream is read. */
  readonly batchSize: number
}

interface StreamState {
  readonly version: StreamVersion
  readonly lastHash: string
  readonly sharingIds: ReadonlyArray<StoredEvent>
}

const readState = async (context: AppendContext, streamId: string, ids: ReadonlySet<string>): Promise<StreamState> => {
  let last: StoredEvent | undefined
  const sharingIds: StoredEvent[] = []
  for await (const row of streamRows(context.driver, context.naming, streamId, 0n, undefined, context.batchSize)) {
    last = row
    if (ids.has(row.eventId)) sharingIds.push(row)
  }
  return { version: last?.streamVersion ?? 'no-stream', lastHash: last?.hash ?? genesisHash, sharingIds }
}

const resultOf = (rows: ReadonlyArray<StoredEvent>, events: AppendResult['events']): AppendResult => ({
  nextExpectedVersion: rows[rows.length - 1]!.streamVersion,
  lastGlobalPosition: rows[rows.length - 1]!.globalPosition,
  events,
})

// A stored event of the stream that no longer reads as one of ours leaves no sound place to append.
const failure = (e: unknown): AppendError =>
  !isStoreError(e) ? storeErrorOfEventStoreDb(e) : e._tag === 'CorruptEventError' ? new StoreUnavailableError(e.message, false, { cause: e }) : e

/**
 * Append `events` to `streamId` if it is at `options.expectedVersion`.
 * @category store
 * @since 0.2.0
 */
export const appendToStream = async (
  context: AppendContext,
  streamId: unknown,
  events: ReadonlyArray<NewEvent>,
  options: AppendOptions | undefined,
): Promise<E.Either<AppendError, AppendResult>> => {
  const checked = checkAppend(streamId, events, options, context.schema)
  if (E.isLeft(checked)) return checked
  const { streamId: id, expectedVersion, prepared, checked: decoded } = checked.right
  const ids = new Set(prepared.map((p) => p.eventId))
  let lastActual: StreamVersion = 'no-stream'
  try {
    for (let attempt = 0; attempt < Math.max(1, context.attempts); attempt++) {
      const state = await readState(context, id, ids)
      const repeat = classifyRepeat(id, prepared, state.sharingIds)
      if (E.isLeft(repeat)) return repeat
      if (repeat.right !== 'new') {
        const recorded = E.traverseArray((row: StoredEvent) => decodeStoredEvent(row, context.schema))(repeat.right)
        return E.isLeft(recorded)
          ? E.left(new StoreUnavailableError(recorded.left.message, false, { cause: recorded.left }))
          : E.right(resultOf(repeat.right, recorded.right))
      }
      if (!satisfies(expectedVersion, state.version)) return E.left(new ConcurrencyError(id, expectedVersion, state.version))
      const recordedAt = context.clock()
      const first = nextVersion(state.version)
      let previous = state.lastHash
      const rows: ChainedRow[] = prepared.map((p, i) => {
        const row = { ...p, streamId: id, streamVersion: first + BigInt(i), recordedAt }
        const hash = chainHash(previous, row)
        const chained = { ...row, hash, previousHash: previous }
        previous = hash
        return chained
      })
      const proposals = rows.map((row, i) => proposalOf(row, decoded[i]!.metadata))
      try {
        await context.driver.append(context.naming.serverName(id), proposals, state.version)
      } catch (e) {
        if (!isWrongExpectedVersion(e)) return E.left(storeErrorOfEventStoreDb(e))
        lastActual = actualVersionOf(e)
        continue
      }
      const written: StoredEvent[] = []
      for await (const row of streamRows(context.driver, context.naming, id, first, first + BigInt(rows.length - 1), rows.length)) written.push(row)
      if (written.length !== rows.length || written.some((row, i) => row.eventId !== rows[i]!.eventId)) {
        return E.left(new StoreUnavailableError(`${id}: the appended events did not read back as written`, false))
      }
      return E.right(resultOf(written, written.map((row, i) => recordedEventOf(decoded[i]!, row))))
    }
  } catch (e) {
    return E.left(failure(e))
  }
  return E.left(new ConcurrencyError(id, expectedVersion, lastActual))
}
