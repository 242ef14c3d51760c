/**
 * Which payload fields hold personal data (personenbezogene Daten) and whose they are, as plain
 * data. Only these fields are encrypted; everything else in the log stays readable, which is what
 * keeps ownership and access facts replayable after an erasure.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent, DomainEventType, SubjectId } from '@account-ownership/core'
import { subjectOf, type SubjectKind } from '../subject/subject-id.js'

/**
 * The personal fields of one event type and the payload field naming their subject.
 * @category personal data
 * @since 0.1.0
 */
export interface PersonalFieldsOf {
  /** The kind of subject, and the payload field that holds their id. */
  readonly subject: { readonly kind: SubjectKind; readonly idField: string }
  /** The payload fields to encrypt; each must be a string in the event's codec. */
  readonly fields: ReadonlyArray<string>
}

/**
 * The personal fields of every event type that has some.
 * @category personal data
 * @since 0.1.0
 */
export type PersonalFields = Readonly<Partial<Record<DomainEventType, PersonalFieldsOf>>>

/**
 * What this release marks as personal: a contact person's name and e-mail on the account map.
 * Principals appear only by opaque id; their personal data lives outside the log.
 * @category personal data
 * @since 0.1.0
 */
export const defaultPersonalFields: PersonalFields = {
  StakeholderMapped: { subject: { kind: 'stakeholder', idField: 'stakeholderId' }, fields: ['name', 'email'] },
}

/**
 * The subject and personal fields of an event: `undefined` when its type has none, a `Left`
 * naming the id field when no valid subject id can be made from it (nothing may then be stored).
 * @category personal data
 * @since 0.1.0
 */
export const personalSubjectOf = (
  fields: PersonalFields,
  event: DomainEvent,
): E.Either<string, { readonly subjectId: SubjectId; readonly fields: ReadonlyArray<string> } | undefined> => {
  const marked = fields[event.type]
  if (marked === undefined) return E.right(undefined)
  const id = (event.data as Record<string, unknown>)[marked.subject.idField]
  const subjectId = typeof id === 'string' ? subjectOf(marked.subject.kind, id) : undefined
  return subjectId === undefined || E.isLeft(subjectId) ? E.left(`data.${marked.subject.idField}`) : E.right({ subjectId: subjectId.right, fields: marked.fields })
}
