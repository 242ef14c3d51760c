/**
 * What the log holds about a customer account that is a natural person (a sole trader,
 * Einzelunternehmer): the personal fields its own events carry under the subject
 * `account:<id>` — the display name where `soleTrader` says it names a person, the
 * classification criteria — each with its source, as read now: plaintext through the decrypting
 * store, `[erased]` after an erasure, the envelope as stored through a store without the keys. The
 * account's stream is read event by event, so a long history is never held at once.
 *
 * @module
 */
import { accountStream, type AccountId, type DomainEvent, type DomainEventType, type EventStore, type Instant, type PrincipalId, type ReadError, type SubjectId } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'
import { readErrorOf } from '../chain/read-error.js'
import { personalValuesOf, type PersonalFields } from '../personal-data/personal-fields.js'
import type { Source } from './audit-rows.js'

/**
 * One event of a sole trader's account with the personal values it holds about them.
 * @category audit
 * @since 0.3.0
 */
export interface HeldAccountRecord {
  readonly accountId: AccountId
  readonly eventType: DomainEventType
  readonly occurredAt: Instant
  /** Who recorded it (the event's actor). */
  readonly recordedBy: PrincipalId
  /** The personal fields as read now: plaintext, `[erased]`, or the envelope as stored. */
  readonly personalData: Readonly<Record<string, unknown>>
  readonly source: Source
}

/**
 * The records of `subject` (an `account:<id>`) in the account's own stream. A stream that cannot
 * be read (a corrupt event, a store that stopped answering) is a `ReadError`, never a partial list.
 * @category audit
 * @since 0.3.0
 */
export const accountRecords = async (
  store: EventStore,
  accountId: AccountId,
  subject: SubjectId,
  marked: PersonalFields,
): Promise<E.Either<ReadError, ReadonlyArray<HeldAccountRecord>>> => {
  const records: HeldAccountRecord[] = []
  try {
    for await (const event of store.readStream(accountStream(accountId))) {
      const personalData = personalValuesOf(marked, event as unknown as DomainEvent, subject)
      if (personalData === undefined) continue
      records.push({
        accountId,
        eventType: event.type as DomainEventType,
        occurredAt: event.metadata.occurredAt,
        recordedBy: event.metadata.actor.principalId,
        personalData,
        source: { streamId: event.metadata.streamId, streamVersion: event.metadata.streamVersion, globalPosition: event.metadata.globalPosition },
      })
    }
  } catch (e) {
    return E.left(readErrorOf(e, `the stream of ${accountId}`))
  }
  return E.right(records)
}
