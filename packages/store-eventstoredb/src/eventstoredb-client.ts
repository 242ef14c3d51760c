/**
 * The driver on `@eventstore/db-client` 6 (EventStoreDB 22.6 and newer; KurrentDB speaks the same
 * gRPC protocol). The only module that imports the client: its options (`expectedRevision`,
 * `NO_STREAM`, `jsonEvent`, `FORWARDS`) stay here. The successor client,
 * `@kurrent/kurrentdb-client` (which renames `expectedRevision` to `streamState`), gets a module
 * of its own beside this one, implementing the same `EventStoreDbDriver`.
 *
 * The client reconnects by itself after a lost connection; a call made while it cannot reach a
 * node rejects with its `UnavailableError` (gRPC status 14). Appends have the client's deadline
 * (10 s by default); reads have none in the client, so a page that is not read within
 * `readTimeoutMs` is cancelled and rejects with the client's `DeadlineExceededError` — a node
 * that accepts the connection and then says nothing is an error, not a hang.
 *
 * @module
 */
import {
  BACKWARDS,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type Filter,
  type JSONType,
} from '@eventstore/db-client'
import type { CatchUpMessage, CatchUpWindow, EventStoreDbDriver, LogPosition, ReadWindow, ServerRecord } from './eventstoredb-driver.js'

type ClientRecord = {
  readonly streamId: string
  readonly revision: bigint
  readonly type: string
  readonly isJson: boolean
  readonly data: unknown
  readonly metadata?: unknown
  readonly position?: LogPosition
}

type ClientRead = AsyncIterable<{ event?: ClientRecord }> & { cancel(): Promise<void> }

const serverRecordOf = (resolved: { event?: ClientRecord }): ServerRecord | undefined => {
  const event = resolved.event
  if (event === undefined) return undefined
  return {
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    isJson: event.isJson,
    data: event.data,
    metadata: event.metadata,
    position: event.position,
  }
}

const collected = async (read: ClientRead): Promise<ReadonlyArray<ServerRecord>> => {
  const records: ServerRecord[] = []
  for await (const resolved of read) {
    const record = serverRecordOf(resolved)
    if (record !== undefined) records.push(record)
  }
  return records
}

const recordsOf = async (read: ClientRead, timeoutMs: number): Promise<ReadonlyArray<ServerRecord>> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void read.cancel()
      reject(new DeadlineExceededError(undefined, `no complete answer to a read within ${timeoutMs} ms`))
    }, timeoutMs)
  })
  try {
    return await Promise.race([collected(read), timeout])
  } finally {
    clearTimeout(timer)
  }
}

const filterOf = (window: CatchUpWindow, checkpointReached: NonNullable<Filter['checkpointReached']>): Filter => {
  const make = window.filter.on === 'event-type' ? eventTypeFilter : streamNameFilter
  // One checkpoint per search window: the server is never silent for long, however much it skips.
  const options = { maxSearchWindow: window.searchWindow, checkpointInterval: 1, checkpointReached }
  return 'regex' in window.filter ? make({ ...options, regex: window.filter.regex }) : make({ ...options, prefixes: [...window.filter.prefixes] })
}

type SubscriptionMessage = { checkpoint?: LogPosition; caughtUp?: true; event?: ClientRecord }

const messageOf = (message: SubscriptionMessage): CatchUpMessage | undefined => {
  if (message.checkpoint !== undefined) return { kind: 'checkpoint', position: message.checkpoint }
  if (message.caughtUp === true) return { kind: 'caught-up' }
  const record = serverRecordOf(message)
  return record === undefined ? undefined : { kind: 'event', record }
}

/**
 * The client's subscription hands over events as stream data, but checkpoints by a callback and
 * catching up by an event, each while it takes the server's message, before later ones. Pushing
 * those two into the same stream, there and then, keeps the server's order for the reader. The
 * stream is read in batches of what has arrived, not one promise per event, and the silence
 * deadline runs only while the buffer is empty.
 */
async function* catchUpOn(client: EventStoreDBClient, window: CatchUpWindow, timeoutMs: number): AsyncGenerator<ReadonlyArray<CatchUpMessage>> {
  const fromPosition = window.after === 'start' ? START : window.after
  // The client's stream holds up to a search window of events (16 by default), so the call is not
  // paused and resumed every few events.
  const subscription: AllStreamSubscription = client.subscribeToAll(
    { fromPosition, filter: filterOf(window, (s, position) => void s.push({ checkpoint: position })) },
    { highWaterMark: window.searchWindow },
  )
  let wake: (() => void) | undefined
  let failure: unknown
  let ended = false
  subscription.on('caughtUp', () => subscription.push({ caughtUp: true }))
  subscription.on('readable', () => wake?.())
  subscription.on('end', () => {
    ended = true
    wake?.()
  })
  subscription.on('error', (e: unknown) => {
    failure = e
    wake?.()
  })
  let timer: NodeJS.Timeout | undefined
  try {
    for (;;) {
      if (failure !== undefined) throw failure
      const batch: CatchUpMessage[] = []
      for (let m = subscription.read() as SubscriptionMessage | null; m !== null; m = subscription.read() as SubscriptionMessage | null) {
        const message = messageOf(m)
        if (message !== undefined) batch.push(message)
      }
      if (batch.length > 0) {
        yield batch
        continue
      }
      if (ended) return
      await new Promise<void>((resolve, reject) => {
        wake = resolve
        timer = setTimeout(() => reject(new DeadlineExceededError(undefined, `the server sent nothing on a subscription within ${timeoutMs} ms`)), timeoutMs)
      })
      wake = undefined
      clearTimeout(timer)
    }
  } finally {
    clearTimeout(timer)
    await subscription.unsubscribe()
    subscription.destroy()
  }
}

const direction = (window: ReadWindow<unknown>) => (window.direction === 'forwards' ? FORWARDS : BACKWARDS)

/**
 * How long the driver waits for one page of a read, in milliseconds.
 * @category driver
 * @since 0.2.0
 */
export const defaultReadTimeoutMs = 30_000

/**
 * The driver over a client you created (and dispose of, or let the store dispose of).
 * @category driver
 * @since 0.2.0
 * @example
 * const driver = eventStoreDbDriver(EventStoreDBClient.connectionString('esdb://localhost:2113?tls=false'))
 */
export const eventStoreDbDriver = (client: EventStoreDBClient, options: { readonly readTimeoutMs?: number } = {}): EventStoreDbDriver => {
  const timeoutMs = options.readTimeoutMs ?? defaultReadTimeoutMs
  return {
  async append(streamId, records, expected) {
    const events = records.map((r) => jsonEvent({ id: r.id, type: r.type, data: r.data as JSONType, metadata: r.metadata as JSONType }))
    await client.appendToStream(streamId, events, { expectedRevision: expected === 'no-stream' ? NO_STREAM : expected })
  },
  readStream(streamId, window) {
    const fromRevision = window.from === 'end' ? END : window.from
    return recordsOf(client.readStream(streamId, { fromRevision, maxCount: window.maxCount, direction: direction(window) }) as unknown as ClientRead, timeoutMs)
  },
  readAll(window) {
    const fromPosition = window.from === 'start' ? START : window.from === 'end' ? END : window.from
    return recordsOf(client.readAll({ fromPosition, maxCount: window.maxCount, direction: direction(window) }) as unknown as ClientRead, timeoutMs)
  },
  catchUpAll: (window) => catchUpOn(client, window, timeoutMs),
  dispose: () => client.dispose(),
  }
}

/**
 * A client for a connection string (`esdb://host:2113?tls=false`, `esdb+discover://…`); throws the
 * client's error for a string it cannot parse, which the store's opening turns into a value.
 * @category driver
 * @since 0.2.0
 */
export const connectEventStoreDb = (connectionString: string, options: { readonly readTimeoutMs?: number } = {}): EventStoreDbDriver =>
  eventStoreDbDriver(EventStoreDBClient.connectionString(connectionString), options)
