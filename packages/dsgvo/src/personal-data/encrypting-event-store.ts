/**
 * The event store with personal data kept out of the plain log (Pseudonymisierung durch
 * Verschlüsselung): a decorator of any `EventStore` that encrypts the fields marked personal
 * with their subject's key before an append and decrypts them on every read. Callers see plain
 * values; the stored rows only ever hold envelopes. After an erasure the subject's values read
 * as `[erased]`, and every other field — ownership, access, the ids — reads as before, so
 * replays and rebuilds run unchanged.
 *
 * An event is checked against its codec before it is encrypted (an empty name stays refused),
 * and its envelope must still pass the codec: a personal field takes its sealed form in place of
 * the plain text, up to the length the sealing of the longest plain value allowed takes (core's
 * `personalText`), so every plain value within its limit fits. A list field (classification
 * criteria) has each entry sealed on its own, bound to its index.
 *
 * @module
 */
import {
  CorruptEventError,
  InvalidStoreInputError,
  StoreUnavailableError,
  decodeDomainEvent,
  type AppendError,
  type DomainEventType,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import type { KeyStore, KeyStoreUnavailableError, SubjectKey } from '../keys/key-store.js'
import { inSubjectTurns } from '../keys/subject-turns.js'
import { erasedMarker, open, parseEnvelope, seal } from './envelope.js'
import { defaultPersonalFields, personalSubjectOf, type PersonalFields } from './personal-fields.js'

/**
 * What the encrypting store wraps and with which keys.
 * @category personal data
 * @since 0.1.0
 */
export interface EncryptingEventStoreOptions {
  /** The store the envelopes are written to. */
  readonly store: EventStore
  readonly keys: KeyStore
  /** Which fields are personal; `defaultPersonalFields` when not given. */
  readonly personalFields?: PersonalFields
}

const storeErrorOf = (e: KeyStoreUnavailableError): StoreUnavailableError =>
  new StoreUnavailableError(`key store: ${e.reason}`, e.retryable, { cause: e })

const withData = <A extends { readonly data: unknown }>(event: A, data: Record<string, unknown>): A => ({ ...event, data })

/* A personal field holds one text, or a list of texts (classification criteria), each sealed on
 * its own and bound to its place: `criteria[1]` no longer opens as `criteria[0]`. */
const textsOf = (field: string, value: unknown): ReadonlyArray<{ readonly place: string; readonly text: string }> =>
  typeof value === 'string'
    ? [{ place: field, text: value }]
    : Array.isArray(value)
      ? value.flatMap((v: unknown, i) => (typeof v === 'string' ? [{ place: `${field}[${i}]`, text: v }] : []))
      : []

const mapTexts = async (value: unknown, field: string, f: (text: string, place: string) => Promise<string>): Promise<unknown> =>
  typeof value === 'string' ? f(value, field) : Array.isArray(value) ? Promise.all(value.map((v: unknown, i) => (typeof v === 'string' ? f(v, `${field}[${i}]`) : v))) : value

/**
 * An event store that encrypts personal fields on append and decrypts them on read.
 * @category personal data
 * @since 0.1.0
 * @example
 * const store = encryptingEventStore({ store: sqliteStore, keys: sqliteKeyStore(keyDb) })
 */
export const encryptingEventStore = (options: EncryptingEventStoreOptions): EventStore => {
  const { store, keys } = options
  const personalFields = options.personalFields ?? defaultPersonalFields

  const keyForAppend = async (subjectId: Parameters<KeyStore['keyFor']>[0]): Promise<E.Either<StoreUnavailableError, SubjectKey>> => {
    const found = await keys.keyFor(subjectId)
    if (E.isLeft(found)) return E.left(storeErrorOf(found.left))
    if (found.right !== undefined) return E.right(found.right)
    const created = await keys.create(subjectId)
    return E.isLeft(created) ? E.left(storeErrorOf(created.left)) : E.right(created.right)
  }

  // A problem's message shows the value it found; for a personal field that value is the very
  // plaintext this store keeps out of the log, and error messages end up in logs.
  const withoutPersonalValue = (event: NewEvent, i: number, problem: { readonly field: string; readonly message: string }): string => {
    const marked = personalFields[(event as { type?: unknown } | null)?.type as DomainEventType]
    const personal = marked?.fields.some((f) => problem.field === `events[${i}].data.${f}` || problem.field.startsWith(`events[${i}].data.${f}[`)) === true
    return personal ? problem.message.replace(/, got [\s\S]*$/, ', got a personal value (not shown)') : problem.message
  }

  // Keys looked up for one event, or one append: its fields share a key. Never kept longer, so
  // that a read after an erasure never finds a destroyed key in a cache.
  type KeyCache = Map<string, SubjectKey | undefined>
  const conceal = async (event: NewEvent, i: number, cache: KeyCache): Promise<E.Either<AppendError, NewEvent>> => {
    const plain = decodeDomainEvent(`events[${i}]`)(event)
    if (E.isLeft(plain)) return E.left(new InvalidStoreInputError(plain.left.field, withoutPersonalValue(event, i, plain.left)))
    const personal = personalSubjectOf(personalFields, plain.right)
    if (E.isLeft(personal)) return E.left(new InvalidStoreInputError(`events[${i}].${personal.left}`, 'names no valid data subject, so its personal data cannot be encrypted'))
    if (personal.right === undefined) return E.right(event)
    // No key for an event without a personal value (a grant without a note): a subject gets a
    // key, and so becomes erasable, only once the log holds something of theirs.
    const given = event.data as Record<string, unknown>
    if (!personal.right.fields.some((field) => textsOf(field, given[field]).length > 0)) return E.right(event)
    const eventId: unknown = (event as { metadata?: { eventId?: unknown } }).metadata?.eventId
    if (typeof eventId !== 'string') return E.left(new InvalidStoreInputError(`events[${i}].metadata.eventId`, 'expected an EventId, which the encryption is bound to'))
    const key = await keyForAppend(personal.right.subjectId)
    if (E.isLeft(key)) return key
    cache.set(`${key.right.subjectId}~${key.right.version}`, key.right)
    const data: Record<string, unknown> = { ...given }
    const subjectKey = key.right
    for (const field of personal.right.fields) if (field in data) data[field] = await mapTexts(data[field], field, async (text, place) => seal(subjectKey, text, { eventId, field: place }))
    const sealed = withData(event, data)
    const fits = decodeDomainEvent(`events[${i}]`)(sealed)
    if (E.isLeft(fits)) {
      return E.left(new InvalidStoreInputError(fits.left.field, `too long to store encrypted (the envelope adds about a third plus ${'pd1~'.length + 40} characters): ${fits.left.message}`))
    }
    return E.right(sealed)
  }

  const reveal = async <A extends RecordedEvent>(event: A, cache: KeyCache = new Map()): Promise<A> => {
    const personal = personalSubjectOf(personalFields, event)
    if (E.isLeft(personal) || personal.right === undefined) return event
    const openText = async (value: string, place: string): Promise<string> => {
      const envelope = parseEnvelope(value)
      if (envelope === undefined) return value // written before encryption was on: stays as stored
      const cacheKey = `${envelope.subjectId}~${envelope.keyVersion}`
      if (!cache.has(cacheKey)) {
        const found = await keys.keyFor(envelope.subjectId, envelope.keyVersion)
        if (E.isLeft(found)) throw storeErrorOf(found.left)
        cache.set(cacheKey, found.right)
      }
      const key = cache.get(cacheKey)
      if (key === undefined) return erasedMarker
      const opened = open(key, envelope, { eventId: event.metadata.eventId, field: place })
      if (E.isLeft(opened)) throw new CorruptEventError(event.metadata, opened.left)
      return opened.right
    }
    const data: Record<string, unknown> = { ...(event.data as Record<string, unknown>) }
    for (const field of personal.right.fields) if (field in data) data[field] = await mapTexts(data[field], field, openText)
    return withData(event, data)
  }

  // The subjects whose personal values the events carry; an event that does not decode names none (its append is refused).
  const subjectsSealedIn = (events: ReadonlyArray<NewEvent>): string[] =>
    events.flatMap((event) => {
      const plain = decodeDomainEvent()(event)
      if (E.isLeft(plain)) return []
      const personal = personalSubjectOf(personalFields, plain.right)
      return E.isRight(personal) && personal.right !== undefined ? [personal.right.subjectId] : []
    })

  const sealAndAppend: EventStore['append'] = async (streamId, events, appendOptions) => {
    const sealed: NewEvent[] = []
    const cache: KeyCache = new Map()
    for (const [i, event] of events.entries()) {
      const concealed = await conceal(event, i, cache)
      if (E.isLeft(concealed)) return concealed
      sealed.push(concealed.right)
    }
    const appended = await store.append(streamId, sealed, appendOptions)
    if (E.isLeft(appended)) return appended
    try {
      const revealed: RecordedEvent[] = []
      for (const event of appended.right.events) revealed.push(await reveal(event, cache))
      return E.right({ ...appended.right, events: revealed })
    } catch (e) {
      return E.left(e instanceof StoreUnavailableError ? e : new StoreUnavailableError(e instanceof Error ? e.message : String(e), false, { cause: e }))
    }
  }

  return {
    // The log underneath numbers the events; a verifier must hear how.
    ...(store.positions === undefined ? {} : { positions: store.positions }),
    // In the turns of the subjects whose data it seals: an erasure of one of them waits until
    // this append is committed (and then erases it too), or this append finds their keys gone and
    // seals under a new one — never under a key destroyed before it commits.
    append(streamId, events, appendOptions) {
      if (!Array.isArray(events)) return store.append(streamId, events, appendOptions)
      return inSubjectTurns(keys, subjectsSealedIn(events), () => sealAndAppend(streamId, events, appendOptions))
    },
    async *readStream(streamId, readOptions) {
      for await (const event of store.readStream(streamId, readOptions)) yield await reveal(event)
    },
    async *readAll(readOptions) {
      for await (const event of store.readAll(readOptions)) yield await reveal(event)
    },
    // The chain covers the bytes as stored — the sealed envelopes — so stored rows pass through.
    readStoredAll: (readOptions) => store.readStoredAll(readOptions),
    streamVersion: (streamId) => store.streamVersion(streamId),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  }
}
