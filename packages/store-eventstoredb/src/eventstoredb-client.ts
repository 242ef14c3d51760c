/**
 * The driver on `@eventstore/db-client` 6 (EventStoreDB 22.6 and newer; KurrentDB speaks the same
 * gRPC protocol). The only module that imports the client: its options (`expectedRevision`,
 * `NO_STREAM`, `jsonEvent`, `FORWARDS`) stay here. The successor client,
 * `@kurrent/kurrentdb-client` (which renames `expectedRevision` to `streamState`), gets a module
 * of its own beside this one, implementing the same `EventStoreDbDriver`.
 *
 * The client reconnects by itself after a lost connection; a call made while it cannot reach a
 * node rejects with its `UnavailableError` (gRPC status 14).
 *
 * @module
 */
import { BACKWARDS, END, EventStoreDBClient, FORWARDS, NO_STREAM, START, jsonEvent, type JSONType } from '@eventstore/db-client'
import type { EventStoreDbDriver, LogPosition, ReadWindow, ServerRecord } from './eventstoredb-driver.js'

type ClientRecord = {
  readonly streamId: string
  readonly revision: bigint
  readonly type: string
  readonly isJson: boolean
  readonly data: unknown
  readonly metadata?: unknown
  readonly position?: LogPosition
}

const recordsOf = async (read: AsyncIterable<{ event?: ClientRecord }>): Promise<ReadonlyArray<ServerRecord>> => {
  const records: ServerRecord[] = []
  for await (const resolved of read) {
    const event = resolved.event
    if (event === undefined) continue
    records.push({
      streamId: event.streamId,
      revision: event.revision,
      type: event.type,
      isJson: event.isJson,
      data: event.data,
      metadata: event.metadata,
      position: event.position,
    })
  }
  return records
}

const direction = (window: ReadWindow<unknown>) => (window.direction === 'forwards' ? FORWARDS : BACKWARDS)

/**
 * The driver over a client you created (and dispose of, or let the store dispose of).
 * @category driver
 * @since 0.2.0
 * @example
 * const driver = eventStoreDbDriver(EventStoreDBClient.connectionString('esdb://localhost:2113?tls=false'))
 */
export const eventStoreDbDriver = (client: EventStoreDBClient): EventStoreDbDriver => ({
  async append(streamId, records, expected) {
    const events = records.map((r) => jsonEvent({ id: r.id, type: r.type, data: r.data as JSONType, metadata: r.metadata as JSONType }))
    await client.appendToStream(streamId, events, { expectedRevision: expected === 'no-stream' ? NO_STREAM : expected })
  },
  readStream(streamId, window) {
    const fromRevision = window.from === 'end' ? END : window.from
    return recordsOf(client.readStream(streamId, { fromRevision, maxCount: window.maxCount, direction: direction(window) }) as AsyncIterable<{ event?: ClientRecord }>)
  },
  readAll(window) {
    const fromPosition = window.from === 'start' ? START : window.from === 'end' ? END : window.from
    return recordsOf(client.readAll({ fromPosition, maxCount: window.maxCount, direction: direction(window) }) as AsyncIterable<{ event?: ClientRecord }>)
  },
  dispose: () => client.dispose(),
})

/**
 * A client for a connection string (`esdb://host:2113?tls=false`, `esdb+discover://…`); throws the
 * client's error for a string it cannot parse, which the store's opening turns into a value.
 * @category driver
 * @since 0.2.0
 */
export const connectEventStoreDb = (connectionString: string): EventStoreDbDriver =>
  eventStoreDbDriver(EventStoreDBClient.connectionString(connectionString))
