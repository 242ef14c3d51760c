/**
 * Erasure (Löschung, Art. 17 DSGVO) by crypto-shredding: the subject's keys are destroyed, so
 * every encrypted value of theirs in the log — in every account, in every backup of the log —
 * can no longer be read, while the log itself stays append-only and replayable. The erasure is
 * then recorded as `PersonalDataErased` in the subject's stream (`subject-<subjectId>`): who
 * erased, when, on which ground (Art. 5(2), accountability).
 *
 * The request is checked first: bad input is an `InvalidStoreInputError` naming the field, and no
 * key is touched. Then the keys go: erasing is the duty, the record its proof. If the record cannot be written
 * the answer says so (`ErasureNotRecordedError`), and erasing again records it (with no keys
 * left to destroy).
 *
 * @module
 */
import {
  checkEvents,
  InvalidStoreInputError,
  type ReadError,
  StreamId,
  subjectStream,
  type AppendError,
  type CommandId,
  type CorrelationId,
  type ErasureGround,
  type EventId,
  type EventStore,
  type Instant,
  type NewEvent,
  type PersonalDataErased,
  type PrincipalId,
  type RecordedEvent,
  SubjectId,
  type TenantId,
  TaggedError,
} from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { randomUUID } from 'node:crypto'
import { readErrorOf } from '../chain/read-error.js'
import type { KeyStore, KeyStoreUnavailableError } from '../keys/key-store.js'
import { inSubjectTurns } from '../keys/subject-turns.js'

/**
 * Who erases, when, for which tenant and on which ground.
 * @category erasure
 * @since 0.1.0
 */
export interface ErasureRequest {
  /** The principal id of who erases. */
  readonly by: string
  /** A ground of Art. 17(1) a–f, e.g. `art17-1-c-objection`. */
  readonly legalGround: string
  /** When the erasure happened in business terms, ISO 8601. */
  readonly at: string
  readonly tenantId: string
  /** Idempotency key of the request; a fresh one when not given. */
  readonly commandId?: string
  readonly correlationId?: string
}

/**
 * The keys were destroyed, but the erasure could not be recorded; erase again to record it.
 * @category errors
 * @since 0.1.0
 */
export class ErasureNotRecordedError extends TaggedError('ErasureNotRecordedError') {
  readonly subjectId: SubjectId
  readonly keysDestroyed: number
  override readonly cause: AppendError
  constructor(subjectId: SubjectId, keysDestroyed: number, cause: AppendError) {
    super(`${subjectId}: ${keysDestroyed} key(s) destroyed, but the erasure was not recorded (${cause.message}); erase again to record it`, { cause })
    this.subjectId = subjectId
    this.keysDestroyed = keysDestroyed
    this.cause = cause
  }
}

/**
 * The key store never gave this subject a key: no personal datum of theirs was ever encrypted in
 * the log, so there is nothing to erase — most often a mistyped subject id. Nothing is recorded,
 * so the record of processing never counts an erasure that erased nothing.
 * @category errors
 * @since 0.2.0
 */
export class UnknownSubjectError extends TaggedError('UnknownSubjectError') {
  readonly field = 'subjectId'
  constructor() {
    super('subjectId: the log holds no personal data of this subject (no key was ever made for it); check the kind and the id')
  }
}

/**
 * Every key the subject was ever given is destroyed and every destruction recorded: the subject
 * is erased already, and erasing again records nothing new.
 * @category errors
 * @since 0.2.0
 */
export class AlreadyErasedError extends TaggedError('AlreadyErasedError') {
  readonly subjectId: SubjectId
  /** When the last erasure happened. */
  readonly erasedAt: Instant
  constructor(subjectId: SubjectId, erasedAt: Instant) {
    super(`${subjectId} was erased already (last on ${erasedAt}); nothing new was recorded`)
    this.subjectId = subjectId
    this.erasedAt = erasedAt
  }
}

/**
 * Any reason an erasure did not complete.
 * @category errors
 * @since 0.1.0
 */
export type ErasureError = KeyStoreUnavailableError | ErasureNotRecordedError | InvalidStoreInputError | UnknownSubjectError | AlreadyErasedError | ReadError

// The erasures recorded so far: how many keys they destroyed together, and when the last was.
const recordedErasures = async (store: EventStore, stream: StreamId): Promise<E.Either<ReadError, { keys: number; last: Instant | undefined }>> => {
  let keys = 0
  let last: Instant | undefined
  try {
    for await (const event of store.readStream(stream)) {
      if (event.type !== 'PersonalDataErased') continue
      keys += event.data.keysDestroyed
      last = event.metadata.occurredAt
    }
  } catch (e) {
    return E.left(readErrorOf(e, 'the erasures recorded for the subject'))
  }
  return E.right({ keys, last })
}

// The fields of the erasure event, named as the caller gave them.
const requestField: Readonly<Record<string, string>> = {
  'data.subjectId': 'subjectId',
  'data.erasedBy': 'request.by',
  'metadata.actor.principalId': 'request.by',
  'data.legalGround': 'request.legalGround',
  'metadata.occurredAt': 'request.at',
  'metadata.tenantId': 'request.tenantId',
  'metadata.commandId': 'request.commandId',
  'metadata.correlationId': 'request.correlationId',
  'metadata.causationId': 'request.correlationId',
}

const requestProblem = (e: InvalidStoreInputError): InvalidStoreInputError => {
  const field = e.field.replace(/^events\[0\]\./, '')
  return new InvalidStoreInputError(requestField[field] ?? field, e.reason)
}

/**
 * Erase a data subject: destroy their keys, then record `PersonalDataErased` in their stream.
 * @category erasure
 * @since 0.1.0
 * @example
 * await erase({ store, keys }, 'stakeholder:erika', { by: 'dora', legalGround: 'art17-1-b-consent-withdrawn', at: '2026-04-01T09:00:00Z', tenantId: 'acme-de' })
 */
export const erase = async (
  deps: { readonly store: EventStore; readonly keys: KeyStore },
  subjectId: string,
  request: ErasureRequest,
): Promise<E.Either<ErasureError, RecordedEvent<PersonalDataErased>>> => {
  // Bad input is refused before a key is touched: a request that cannot be recorded must not
  // destroy keys and then ask to be erased again.
  if (typeof request !== 'object' || request === null) return E.left(new InvalidStoreInputError('request', 'expected { by, legalGround, at, tenantId }'))
  if (!SubjectId.is(subjectId)) return E.left(new InvalidStoreInputError('subjectId', 'expected a subject id like stakeholder:<id>, principal:<id> or account:<id>'))
  const stream = subjectStream(subjectId)
  if (!StreamId.is(stream)) return E.left(new InvalidStoreInputError('subjectId', 'expected a subject id like stakeholder:<id>, principal:<id> or account:<id>'))
  // The request's strings go into the event as given; checkEvents below decodes every one of them
  // before a key is touched, naming the request's field of each that does not decode.
  const by = request.by as PrincipalId
  const commandId = (request.commandId ?? `erase-${randomUUID()}`) as CommandId
  const correlationId = (request.correlationId ?? commandId) as CorrelationId
  const eventId = randomUUID() as EventId
  const eventOf = (keysDestroyed: number): NewEvent<PersonalDataErased> => ({
    type: 'PersonalDataErased',
    data: { subjectId, erasedBy: by, legalGround: request.legalGround as ErasureGround, keysDestroyed },
    metadata: {
      eventId,
      occurredAt: request.at as Instant,
      actor: { principalId: by },
      tenantId: request.tenantId as TenantId,
      correlationId,
      causationId: correlationId,
      commandId,
    },
  })
  const checked = checkEvents([eventOf(0)])
  if (E.isLeft(checked)) return E.left(requestProblem(checked.left))
  // In the subject's turn: no append seals its data under the keys destroyed here, and a second
  // erasure of it finds this one recorded.
  return inSubjectTurns(deps.keys, [subjectId], () => destroyAndRecord(deps, subjectId, stream, request, eventOf))
}

const destroyAndRecord = async (
  deps: { readonly store: EventStore; readonly keys: KeyStore },
  subjectId: SubjectId,
  stream: StreamId,
  request: ErasureRequest,
  eventOf: (keysDestroyed: number) => NewEvent<PersonalDataErased>,
): Promise<E.Either<ErasureError, RecordedEvent<PersonalDataErased>>> => {
  // Only a subject the key store gave a key has personal data in the log to erase.
  const given = await deps.keys.versionsOf(subjectId)
  if (E.isLeft(given)) return given
  if (given.right === 0) return E.left(new UnknownSubjectError())
  const erasures = await recordedErasures(deps.store, stream)
  if (E.isLeft(erasures)) return erasures
  const destroyed = await deps.keys.delete(subjectId)
  if (E.isLeft(destroyed)) return destroyed
  // Keys destroyed before without a record (the record failed) are recorded now; with no key
  // left and every destruction on record, the subject is erased already.
  const unrecorded = given.right - erasures.right.keys
  if (destroyed.right === 0 && unrecorded <= 0) return E.left(new AlreadyErasedError(subjectId, erasures.right.last ?? (request.at as Instant)))
  const keysDestroyed = Math.max(destroyed.right, unrecorded)
  const recorded = await deps.store.append(stream, [eventOf(keysDestroyed)], { expectedVersion: 'any' })
  if (E.isLeft(recorded)) return E.left(new ErasureNotRecordedError(subjectId, destroyed.right, recorded.left))
  return E.right(recorded.right.events[0] as RecordedEvent<PersonalDataErased>)
}
