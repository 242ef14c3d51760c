/**
 * How one stored event (gespeichertes Ereignis) of this library looks on EventStoreDB. The event's
 * type is the server's event type and its payload the server's JSON data, so the server's UI and
 * its projections can read them. Everything else the store keeps — the event id, schema version,
 * `recordedAt`, the envelope exactly as serialised, and the event's link in its stream's hash
 * chain — sits in the server's event metadata under `accountOwnership`, written in the same append
 * as the event. `$correlationId` and `$causationId` are copied beside it, so that the server's own
 * `$by_correlation_id` projection works.
 *
 * The payload goes to the server as parsed JSON and comes back parsed: the text of a read is
 * `JSON.stringify` of what was parsed, which gives back the very text `serializeEvent` wrote (a
 * property test checks it), so the chain hash over the stored bytes holds.
 *
 * @module
 */
import { CorruptEventError, StoreUnavailableError, type StoredEvent } from '@account-ownership/core'
import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type { ProposedRecord, ServerRecord } from './eventstoredb-driver.js'
import { globalPositionOf } from './eventstoredb-position.js'

/**
 * The part of the server's event metadata this library writes.
 * @category records
 * @since 0.2.0
 */
export interface ChainedEnvelope {
  readonly eventId: string
  readonly schemaVersion: number
  readonly recordedAt: string
  /** The event's metadata as serialised (`StoredEvent.metadata`). */
  readonly metadata: string
  readonly hash: string
  readonly previousHash: string
}

/**
 * A row about to be appended: stored fields and chain link, without a position yet.
 * @category records
 * @since 0.2.0
 */
export type ChainedRow = Omit<StoredEvent, 'globalPosition' | 'hash' | 'previousHash'> & { readonly hash: string; readonly previousHash: string }

/**
 * The server event of a row, with a fresh server id (the store, not the server, decides repeats).
 * @category records
 * @since 0.2.0
 */
export const proposalOf = (row: ChainedRow, correlation: { readonly correlationId: string; readonly causationId: string }): ProposedRecord => {
  const envelope: ChainedEnvelope = {
    eventId: row.eventId,
    schemaVersion: row.schemaVersion,
    recordedAt: row.recordedAt,
    metadata: row.metadata,
    hash: row.hash,
    previousHash: row.previousHash,
  }
  return {
    id: randomUUID(),
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: { $correlationId: correlation.correlationId, $causationId: correlation.causationId, accountOwnership: envelope },
  }
}

const isEnvelope = (u: unknown): u is ChainedEnvelope => {
  if (typeof u !== 'object' || u === null) return false
  const e = u as Record<string, unknown>
  return (
    typeof e.eventId === 'string' &&
    typeof e.schemaVersion === 'number' &&
    typeof e.recordedAt === 'string' &&
    typeof e.metadata === 'string' &&
    typeof e.hash === 'string' &&
    typeof e.previousHash === 'string'
  )
}

/**
 * The stored row of a server event, or why it is not one: a `CorruptEventError` for an event this
 * library did not write (or that was changed), a `StoreUnavailableError` where the server reports
 * no usable position.
 * @category records
 * @since 0.2.0
 */
export const storedEventOf = (record: ServerRecord): E.Either<CorruptEventError | StoreUnavailableError, StoredEvent> => {
  const globalPosition = globalPositionOf(record.position)
  if (typeof globalPosition === 'string') return E.left(new StoreUnavailableError(`${record.streamId}@${record.revision}: ${globalPosition}`, false))
  const at = { streamId: record.streamId, streamVersion: record.revision, globalPosition }
  const envelope = (record.metadata as { accountOwnership?: unknown } | undefined)?.accountOwnership
  if (!isEnvelope(envelope)) return E.left(new CorruptEventError(at, 'the event metadata lacks what this library writes (accountOwnership)'))
  if (!record.isJson) return E.left(new CorruptEventError(at, 'the event data is not JSON'))
  return E.right({
    eventId: envelope.eventId,
    type: record.type,
    schemaVersion: envelope.schemaVersion,
    data: JSON.stringify(record.data),
    metadata: envelope.metadata,
    streamId: record.streamId,
    streamVersion: record.revision,
    globalPosition,
    recordedAt: envelope.recordedAt,
    hash: envelope.hash,
    previousHash: envelope.previousHash,
  })
}
