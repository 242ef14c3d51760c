/**
 * Every event the library records, across all stream families (account, principal, subject, access control), as one codec: what an event store
 * decodes each stored row with.
 *
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { AccessControlEvent } from './access-log/access-log-events.js'
import { AccountEvent } from './account/account-event.js'
import { decodeByType, type FieldProblems } from './field-problem.js'
import { PrincipalEvent } from './offboarding/principal-events.js'
import { SubjectEvent } from './subject/subject-events.js'

/**
 * The codec of each kind of domain event, one per `type`.
 * @category events
 * @since 0.1.0
 */
export const domainEventCodecs = [...AccountEvent.types, PrincipalEvent, SubjectEvent, ...AccessControlEvent.types] as const

/**
 * The codec of any domain event.
 * @category events
 * @since 0.1.0
 */
export const DomainEvent = t.union([AccountEvent, PrincipalEvent, SubjectEvent, AccessControlEvent], 'DomainEvent')
/** @category events @since 0.1.0 */
export type DomainEvent = t.TypeOf<typeof DomainEvent>

/**
 * The `type` of any domain event.
 * @category events
 * @since 0.1.0
 */
export type DomainEventType = DomainEvent['type']

/**
 * Decode a domain event, reporting a problem against the fields of the event its `type` names.
 * @category events
 * @since 0.1.0
 */
export const decodeDomainEvent = (root = ''): ((u: unknown) => E.Either<FieldProblems, DomainEvent>) =>
  decodeByType(domainEventCodecs, root)
