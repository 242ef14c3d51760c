/**
 * The envelope of a recorded event: who did it, when it happened (business time) and when it was
 * recorded (store time), why (correlation, causation, command) and where it sits in the log.
 *
 * @module
 */
import * as t from 'io-ts'
import type { DomainEvent } from '../domain-event.js'
import { CommandId, CorrelationId, EventId, PrincipalId, TenantId } from '../ids.js'
import { Instant } from '../instant.js'
import type { StreamId } from './stream-id.js'

/**
 * Who acted: the principal, and on whose behalf where they acted for someone else.
 * @category store
 * @since 0.1.0
 */
export const Actor = t.readonly(
  t.exact(t.intersection([t.type({ principalId: PrincipalId }), t.partial({ onBehalfOf: PrincipalId })])),
  'Actor',
)
/** @category store @since 0.1.0 */
export type Actor = t.TypeOf<typeof Actor>

/**
 * The metadata a writer gives each new event.
 * @category store
 * @since 0.1.0
 */
export const EventMetadata = t.readonly(
  t.exact(
    t.type({
      eventId: EventId,
      occurredAt: Instant,
      actor: Actor,
      tenantId: TenantId,
      correlationId: CorrelationId,
      causationId: CorrelationId,
      commandId: CommandId,
    }),
  ),
  'EventMetadata',
)
/** @category store @since 0.1.0 */
export type EventMetadata = t.TypeOf<typeof EventMetadata>

/**
 * An event to append, with its metadata.
 * @category store
 * @since 0.1.0
 */
export type NewEvent<E extends DomainEvent = DomainEvent> = E & { readonly metadata: EventMetadata }

/**
 * The metadata the store adds when it records an event.
 * @category store
 * @since 0.1.0
 */
export interface RecordedMetadata extends EventMetadata {
  readonly streamId: StreamId
  readonly streamVersion: bigint
  readonly globalPosition: bigint
  readonly recordedAt: Instant
  readonly schemaVersion: number
}

/**
 * An event as the store recorded it.
 * @category store
 * @since 0.1.0
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E & { readonly metadata: RecordedMetadata }
