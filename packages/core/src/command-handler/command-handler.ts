/**
 * The command handler: load a stream, decide, append with optimistic concurrency. On a
 * conflict it loads again and decides again, a bounded number of times. A command dated before
 * the stream's last event is refused before it is decided (invariant 9); without a date, it is
 * decided at the clock's reading, moved up to the last event where the clock lags behind it. A command whose
 * `commandId` already produced events in the stream is answered with those events and appends
 * nothing (invariant 6). This is the edge where thrown store errors become values.
 *
 * The handler keeps the folded state of the streams it used lately (`stream-state-cache.ts`) and
 * decides a command on one of them without reading it; the append's expected-version check
 * confirms that nothing followed, and when something did, the handler reads just that and
 * decides again. An answer that appends nothing — a refusal, an empty decision — is given only on
 * a state read from the store, never on the cache alone.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type * as t from 'io-ts'
import type { DecisionContext } from '../account/decision-context.js'
import type { Decider } from '../decider.js'
import { invalidCommandOf, type DomainError, type InvalidCommandError } from '../domain-error.js'
import type { DomainEvent } from '../domain-event.js'
import { decodeWith, problemsOf, type FieldProblem, type FieldProblems } from '../field-problem.js'
import type { CorrelationId, EventId, PrincipalId } from '../ids.js'
import { systemClock, type Clock, type Instant } from '../instant.js'
import type { Policy } from '../policy.js'
import type { AppendResult, EventStore } from '../store/event-store.js'
import type { StreamVersion } from '../store/expected-version.js'
import type { NewEvent, RecordedEvent } from '../store/recorded-event.js'
import { isStoreError, type StoreError } from '../store/store-errors.js'
import type { StreamId } from '../store/stream-id.js'
import { nobodyOffboarded, offboardedAmong, offboardingsWithSuccessors, type OffboardingLookup, type PrincipalDirectory } from '../offboarding/principal-directory.js'
import { defaultMaxAheadOfClock, notAheadOfClock, notBeforeLastEvent, type OccurredBeforeLastEventError, type OccurredInFutureError } from './business-time.js'
import { CommandContext } from './command-context.js'
import { maxAheadOfClockOf, stateCacheSizeOf } from './handler-config-error.js'
import { streamStateCache, type CachedStream, type StateCacheOptions } from './stream-state-cache.js'
import { timeOrderedEventId } from './time-ordered-event-id.js'

/**
 * What a handled command recorded, or had recorded the first time its id was seen.
 * @category command handler
 * @since 0.1.0
 */
export interface Handled<Ev extends DomainEvent> {
  readonly events: ReadonlyArray<RecordedEvent<Ev>>
  readonly nextExpectedVersion: StreamVersion
  /** `true` when the command id had been handled before and nothing was appended now. */
  readonly deduplicated: boolean
}

/**
 * Why a command was not recorded: refused by the domain, bad input, dated before its stream's
 * last event (invariant 9), or a store failure (including a `ConcurrencyError` once the retries
 * are spent).
 * @category command handler
 * @since 0.1.0
 */
export type HandleError<Err extends DomainError> = Err | InvalidCommandError | OccurredBeforeLastEventError | OccurredInFutureError | StoreError

/**
 * A command handler for one kind of stream.
 * @category command handler
 * @since 0.1.0
 */
export interface CommandHandler<Ev extends DomainEvent, Err extends DomainError, In = unknown> {
  /**
   * Decode, decide and record one command. Both arguments are plain data (ids and instants as
   * strings) and are checked by their codecs first: bad input is an `InvalidCommandError`
   * naming the field, and nothing is appended.
   */
  handle(command: In, context: CommandContextInput): Promise<E.Either<HandleError<Err>, Handled<Ev>>>
}

/**
 * The context of a command as plain data, before decoding.
 * @category command handler
 * @since 0.1.0
 */
export type CommandContextInput = t.OutputOf<typeof CommandContext>

/**
 * How to build a command handler for one kind of stream.
 * @category command handler
 * @since 0.1.0
 */
export interface CommandHandlerConfig<C, Ev extends DomainEvent, S, Err extends DomainError> {
  readonly store: EventStore
  readonly decider: Decider<C, Ev, S, DecisionContext, Err>
  /** Checks a command given as plain data; a problem names its field. */
  readonly decodeCommand: (u: unknown) => E.Either<FieldProblem, C>
  /** The stream a command is decided on and recorded in. */
  readonly streamOf: (command: C) => StreamId
  readonly policy: Policy
  /** Source of `now` for decisions; the wall clock by default. */
  readonly clock?: Clock
  /** Source of event ids; time-ordered UUIDs (`timeOrderedEventId`) by default, random ones before 0.3.0. */
  readonly newEventId?: () => string
  /** How often to decide again after a conflict; 3 by default. */
  readonly maxRetries?: number
  /** Where offboardings are read from (invariant 10); without it, decisions know of none. @since 0.2.0 */
  readonly directory?: PrincipalDirectory
  /** The principals a decision must know the offboarding of: those the command names or the state holds. @since 0.2.0 */
  readonly principalsOf?: (command: C, state: S) => ReadonlyArray<PrincipalId>
  /**
   * Keep the folded state of recently used streams, so a command on one is decided without
   * reading it again (see `StateCacheOptions`); on by default, `false` reads every stream anew.
   * @since 0.3.0
   */
  readonly stateCache?: StateCacheOptions | false
  /**
   * How many milliseconds a command's `occurredAt` may lie ahead of `clock`, for clocks that
   * differ a little; a command dated further ahead is refused (`OccurredInFutureError`).
   * Five minutes by default.
   * @since 0.3.0
   */
  readonly maxAheadOfClock?: number
}

/* A decoder given in the config may answer one problem or a list of them. */
const problemsOfDecoding = (p: FieldProblem | FieldProblems): ReadonlyArray<FieldProblem> => ('problems' in p ? p.problems : [p])

interface Loaded<S, Ev extends DomainEvent> extends CachedStream<S> {
  /** The events the command id recorded before, among those read now. */
  readonly earlier: ReadonlyArray<RecordedEvent<Ev>>
  /** Taken from the cache without asking the store: an answer that appends nothing must ask it. */
  readonly unread: boolean
}

/**
 * A command handler over a decider.
 * @category command handler
 * @since 0.1.0
 */
export const commandHandler = <C, Ev extends DomainEvent, S, Err extends DomainError, In = unknown>(
  config: CommandHandlerConfig<C, Ev, S, Err>,
): CommandHandler<Ev, Err, In> => {
  const { store, decider, policy } = config
  const clock = config.clock ?? systemClock
  const newEventId = config.newEventId ?? timeOrderedEventId
  const maxRetries = config.maxRetries ?? 3

  const cacheSize = stateCacheSizeOf(config.stateCache, 1000)
  if (typeof cacheSize !== 'number') throw cacheSize
  const cache = cacheSize === 0 ? undefined : streamStateCache<S>(cacheSize)
  const maxAheadOfClock = maxAheadOfClockOf(config.maxAheadOfClock, defaultMaxAheadOfClock)
  if (typeof maxAheadOfClock !== 'number') throw maxAheadOfClock

  /* Fold the stream onto what `since` knows of it (from the start without it), reading only the events after it. */
  const load = async (streamId: StreamId, commandId: string, since: CachedStream<S> | undefined): Promise<E.Either<StoreError, Loaded<S, Ev>>> => {
    try {
      let state = since?.state ?? decider.initialState
      let version: StreamVersion = since?.version ?? 'no-stream'
      let lastOccurredAt = since?.lastOccurredAt ?? null
      const commandIds = since?.commandIds ?? new Set<string>()
      const earlier: RecordedEvent<Ev>[] = []
      const from = since === undefined ? undefined : { from: version === 'no-stream' ? 0n : version + 1n }
      for await (const event of store.readStream(streamId, from)) {
        const own = event as RecordedEvent<Ev>
        state = decider.evolve(state, own)
        version = event.metadata.streamVersion
        lastOccurredAt = event.metadata.occurredAt
        commandIds.add(event.metadata.commandId)
        if (event.metadata.commandId === commandId) earlier.push(own)
      }
      const loaded = { state, version, lastOccurredAt, commandIds, earlier, unread: false }
      cache?.set(streamId, loaded)
      return E.right(loaded)
    } catch (e) {
      if (isStoreError(e)) return E.left(e)
      throw e
    }
  }

  /* The cached state where there is one; `trust` takes it without reading the events that may have followed it. A command id recorded before needs its events, so the whole stream. */
  const loadState = async (streamId: StreamId, commandId: string, trust: boolean): Promise<E.Either<StoreError, Loaded<S, Ev>>> => {
    const cached = cache?.get(streamId)
    if (cached === undefined || cached.commandIds.has(commandId)) return load(streamId, commandId, undefined)
    return trust ? E.right({ ...cached, earlier: [], unread: true }) : load(streamId, commandId, cached)
  }

  /* What the stream is after `appended`, which the store recorded at the version `loaded` stood at. */
  const remember = (streamId: StreamId, loaded: Loaded<S, Ev>, commandId: string, appended: AppendResult): void => {
    const events = appended.events as ReadonlyArray<RecordedEvent<Ev>>
    loaded.commandIds.add(commandId)
    cache?.set(streamId, {
      state: events.reduce(decider.evolve, loaded.state),
      version: appended.nextExpectedVersion,
      lastOccurredAt: events[events.length - 1]?.metadata.occurredAt ?? loaded.lastOccurredAt,
      commandIds: loaded.commandIds,
    })
  }

  /* Who among the principals this decision names was offboarded, and their successors; a directory that throws a store error gives a value too. */
  const offboardedFor = async (command: C, state: S): Promise<E.Either<StoreError, OffboardingLookup>> => {
    const named = config.principalsOf?.(command, state) ?? []
    if (named.length === 0 || config.directory === undefined) return E.right(nobodyOffboarded)
    try {
      return E.map(offboardedAmong)(await offboardingsWithSuccessors(config.directory, named))
    } catch (e) {
      if (isStoreError(e)) return E.left(e)
      throw e
    }
  }

  const notBefore = (now: Instant, last: Instant | null): Instant => (last !== null && now < last ? last : now)

  /* An adapter that throws a store error instead of returning it still gives the caller a value. */
  const appendCaught = async (streamId: StreamId, events: ReadonlyArray<NewEvent>, expectedVersion: StreamVersion): Promise<E.Either<StoreError, AppendResult>> => {
    try {
      return await store.append(streamId, events, { expectedVersion })
    } catch (e) {
      if (isStoreError(e)) return E.left(e)
      throw e
    }
  }

  // `trust`: decide on a cached state without reading the stream. The append's expected-version
  // check confirms it; a conflict then costs no retry, and an answer that appends nothing (a
  // refusal, a decision without events) is given only after the stream was read.
  const attempt = async (command: C, context: CommandContext, retriesLeft: number, trust = true): Promise<E.Either<HandleError<Err>, Handled<Ev>>> => {
    const streamId = config.streamOf(command)
    const loaded = await loadState(streamId, context.commandId, trust)
    if (E.isLeft(loaded)) return loaded
    const { state, version, earlier, lastOccurredAt, unread } = loaded.right
    const confirmed = (answer: E.Either<HandleError<Err>, Handled<Ev>>) => (unread ? attempt(command, context, retriesLeft, false) : answer)
    if (earlier.length > 0) return E.right({ events: earlier, nextExpectedVersion: version, deduplicated: true })
    // A business time given with the command must not go back; the clock's reading is moved up to the
    // last event instead, so that writers whose clocks differ by a little do not refuse each other.
    const dated =
      context.occurredAt === undefined
        ? E.right(notBefore(clock(), lastOccurredAt))
        : pipe(
            notAheadOfClock(context.occurredAt, clock(), maxAheadOfClock),
            E.chainW((at) => notBeforeLastEvent(at, lastOccurredAt)),
          )
    if (E.isLeft(dated)) return confirmed(dated)
    const now = dated.right
    const offboarded = await offboardedFor(command, state)
    if (E.isLeft(offboarded)) return offboarded
    const decided = decider.decide(command, state, { actor: context.actor, now, policy, offboarded: offboarded.right })
    if (E.isLeft(decided)) return confirmed(decided)
    if (decided.right.length === 0) return confirmed(E.right({ events: [], nextExpectedVersion: version, deduplicated: false }))
    const correlationId = context.correlationId ?? (context.commandId as string as CorrelationId)
    const metadata = {
      occurredAt: now,
      actor: context.onBehalfOf === undefined ? { principalId: context.actor } : { principalId: context.actor, onBehalfOf: context.onBehalfOf },
      tenantId: context.tenantId,
      correlationId,
      causationId: context.causationId ?? correlationId,
      commandId: context.commandId,
    }
    const events = decided.right.map((e): NewEvent => ({ ...e, metadata: { ...metadata, eventId: newEventId() as EventId } }) as NewEvent)
    const appended = await appendCaught(streamId, events, version)
    if (E.isLeft(appended)) {
      if (appended.left._tag !== 'ConcurrencyError') return appended
      if (unread) return attempt(command, context, retriesLeft, false)
      return retriesLeft > 0 ? attempt(command, context, retriesLeft - 1, false) : appended
    }
    remember(streamId, loaded.right, context.commandId, appended.right)
    return E.right({
      events: appended.right.events as ReadonlyArray<RecordedEvent<Ev>>,
      nextExpectedVersion: appended.right.nextExpectedVersion,
      deduplicated: false,
    })
  }

  return {
    async handle(rawCommand, rawContext) {
      const command = config.decodeCommand(rawCommand)
      const context = decodeWith(CommandContext, 'context')(rawContext)
      if (E.isLeft(command) || E.isLeft(context)) {
        const [first, ...rest] = [...(E.isLeft(command) ? problemsOfDecoding(command.left) : []), ...(E.isLeft(context) ? context.left.problems : [])]
        return E.left(invalidCommandOf(problemsOf([first!, ...rest])))
      }
      return attempt(command.right, context.right, maxRetries)
    },
  }
}
