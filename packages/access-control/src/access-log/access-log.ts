/**
 * The access log (Zugriffsprotokoll): every decision recorded as an `AccessDecided` event in the
 * `accesslog-` streams. Recording is batched (group commit): decisions that arrive while an
 * append is written, or within `maxDelayMs` of each other, share the next append, so a busy
 * service pays one transaction per batch, not per decision. `record` resolves only once its
 * batch is committed: a decision whose `record` answered `Right` is in the log and survives a
 * crash of the process; one still waiting when the process dies was never acknowledged.
 *
 * Each event is checked on its own before it joins a batch, so one bad metadata field refuses
 * that decision alone; an append the store calls retryable is tried up to three times. Several processes may write at once: give each its own `writer`, so that
 * they append to streams of their own.
 *
 * @module
 */
import { checkEvents, InvalidStoreInputError, StoreUnavailableError, type AccessDecided, type AppendError, type EventStore, type NewEvent, type RecordedEvent, type StreamId } from '@account-ownership/core'
import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type { AccessDecision } from '../decision/access-decision.js'
import { accessDecidedEvent, type DecisionMetadata } from './access-decided-event.js'
import { accessLogStream } from './access-log-stream.js'

/**
 * How the access log writes.
 * @category access log
 * @since 0.3.0
 */
export interface AccessLogOptions {
  readonly store: EventStore
  /** Most decisions per append; 256 by default. */
  readonly maxBatch?: number
  /** Longest a decision waits for others to share its append, in milliseconds; 2 by default. */
  readonly maxDelayMs?: number
  /** This process's name among several writers (id alphabet); its streams are `accesslog-<day>.<writer>`. */
  readonly writer?: string
  /** The id of each new event; random UUIDs by default. */
  readonly newEventId?: () => string
}

/**
 * A decision recorded, or why it was not.
 * @category access log
 * @since 0.3.0
 */
export type RecordOutcome = E.Either<AppendError, RecordedEvent<AccessDecided>>

/**
 * The access log of one process.
 * @category access log
 * @since 0.3.0
 */
export interface AccessLog {
  /** Record a decision; resolves once the batch it joined is committed. */
  record(decision: AccessDecision, metadata: DecisionMetadata): Promise<RecordOutcome>
  /** Resolves once every decision recorded so far is committed (or failed). */
  flush(): Promise<void>
}

interface Pending {
  readonly event: NewEvent<AccessDecided>
  readonly done: (outcome: RecordOutcome) => void
}

/**
 * An access log on `options.store`, or an `InvalidStoreInputError` naming a bad option.
 * @category access log
 * @since 0.3.0
 * @example
 * const log = accessLog({ store })
 * if (E.isRight(log)) await log.right.record(decision, { tenantId: 'acme', correlationId: requestId })
 */
export const accessLog = (options: AccessLogOptions): E.Either<InvalidStoreInputError, AccessLog> => {
  const { store, writer, newEventId = randomUUID } = options
  const maxBatch = options.maxBatch ?? 256
  const maxDelayMs = options.maxDelayMs ?? 2
  if (!Number.isSafeInteger(maxBatch) || maxBatch < 1) return E.left(new InvalidStoreInputError('maxBatch', 'expected a whole number of decisions >= 1'))
  if (!Number.isFinite(maxDelayMs) || maxDelayMs < 0) return E.left(new InvalidStoreInputError('maxDelayMs', 'expected a number of milliseconds >= 0'))
  if (writer !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_:-]{0,63}$/.test(writer)) return E.left(new InvalidStoreInputError('writer', 'expected 1 to 64 letters, digits, "_", ":" or "-", first a letter or digit'))

  let queue: Pending[] = []
  let writing: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null

  // A store that says a retry can help (SQLITE_BUSY, a dropped connection) gets two more tries;
  // the events keep their ids, so an append that did land the first time is not recorded twice.
  const appendRetrying = async (stream: string, events: ReadonlyArray<NewEvent<AccessDecided>>) => {
    for (let attempt = 1; ; attempt++) {
      const appended = await store.append(stream as StreamId, events, { expectedVersion: 'any' }).catch((cause: unknown) => E.left(cause as AppendError))
      if (E.isRight(appended) || attempt === 3 || !(appended.left instanceof StoreUnavailableError && appended.left.retryable)) return appended
    }
  }

  // One append per stream of the batch (usually one: the day's); every decision learns its outcome.
  const write = async (batch: ReadonlyArray<Pending>): Promise<void> => {
    const byStream = new Map<string, Pending[]>()
    for (const pending of batch) {
      const stream = accessLogStream(pending.event.metadata.occurredAt, writer)
      byStream.set(stream, [...(byStream.get(stream) ?? []), pending])
    }
    for (const [stream, pendings] of byStream) {
      const appended = await appendRetrying(stream, pendings.map((p) => p.event))
      pendings.forEach((pending, i) => pending.done(E.map((result: { readonly events: ReadonlyArray<RecordedEvent> }) => result.events[i] as RecordedEvent<AccessDecided>)(appended)))
    }
  }

  const drain = (): void => {
    if (timer !== null) (clearTimeout(timer), (timer = null))
    if (writing !== null || queue.length === 0) return
    const batch = queue.slice(0, maxBatch)
    queue = queue.slice(maxBatch)
    writing = write(batch).finally(() => {
      writing = null
      // Whatever queued meanwhile has waited as long as the append took: write it at once.
      drain()
    })
  }

  return E.right({
    record(decision, metadata) {
      const event = accessDecidedEvent(decision, metadata, newEventId())
      const checked = checkEvents([event])
      // The problems name the fields of the one event checked: `metadata.tenantId`, not `events[0].metadata.tenantId`.
      if (E.isLeft(checked)) return Promise.resolve(E.left(new InvalidStoreInputError(checked.left.field.replace(/^events\[0\]\./, ''), checked.left.reason)))
      return new Promise<RecordOutcome>((done) => {
        queue.push({ event, done })
        if (queue.length >= maxBatch) drain()
        else timer ??= setTimeout(drain, maxDelayMs)
      })
    },
    async flush() {
      while (queue.length > 0 || writing !== null) {
        drain()
        await writing
      }
    },
  })
}
