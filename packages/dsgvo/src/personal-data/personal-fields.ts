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
  /** The payload fields to encrypt; each a string, or a list of strings, in the event's codec. */
  readonly fields: ReadonlyArray<string>
  /**
   * A boolean payload field that must be `true` for the fields to be personal (an account's
   * display name only where `soleTrader` says it names a person); always personal without one.
   * @since 0.3.0
   */
  readonly when?: string
}

/**
 * The personal fields of every event type that has some.
 * @category personal data
 * @since 0.1.0
 */
export type PersonalFields = Readonly<Partial<Record<DomainEventType, PersonalFieldsOf>>>

/**
 * What this release marks as personal, each field under the key of the subject it belongs to
 * (the table in the package README says why): a contact person's name and e-mail (the contact);
 * a sole trader's display name and every account's classification criteria (the account); a
 * grant's purpose note (the grantee); a transfer's rejection reason (who rejected it); an
 * offboarding's reason (who was offboarded). Principals appear otherwise only by opaque id.
 * @category personal data
 * @since 0.1.0
 */
export const defaultPersonalFields: PersonalFields = {
  StakeholderMapped: { subject: { kind: 'stakeholder', idField: 'stakeholderId' }, fields: ['name', 'email'] },
  AccountOpened: { subject: { kind: 'account', idField: 'accountId' }, fields: ['displayName'], when: 'soleTrader' },
  AccountClassified: { subject: { kind: 'account', idField: 'accountId' }, fields: ['criteria'] },
  AccessGranted: { subject: { kind: 'principal', idField: 'granteeId' }, fields: ['purposeNote'] },
  OwnershipTransferRejected: { subject: { kind: 'principal', idField: 'rejectedBy' }, fields: ['reason'] },
  PrincipalOffboarded: { subject: { kind: 'principal', idField: 'principalId' }, fields: ['reason'] },
}

/**
 * The subject and personal fields of an event: `undefined` when its type has none (or its
 * `when` field is not `true`), a `Left` naming the id field when no valid subject id can be made
 * from it (nothing may then be stored).
 * @category personal data
 * @since 0.1.0
 */
export const personalSubjectOf = (
  fields: PersonalFields,
  event: DomainEvent,
): E.Either<string, { readonly subjectId: SubjectId; readonly fields: ReadonlyArray<string> } | undefined> => {
  const marked = fields[event.type]
  const data = event.data as Record<string, unknown>
  if (marked === undefined || (marked.when !== undefined && data[marked.when] !== true)) return E.right(undefined)
  const id = data[marked.subject.idField]
  const subjectId = typeof id === 'string' ? subjectOf(marked.subject.kind, id) : undefined
  return subjectId === undefined || E.isLeft(subjectId) ? E.left(`data.${marked.subject.idField}`) : E.right({ subjectId: subjectId.right, fields: marked.fields })
}

/**
 * The personal values `event` holds about `subject` under the map, as read (plaintext through the
 * decrypting store, `[erased]`, or the envelope as stored): only the marked fields the event
 * carries, or `undefined` where the map gives its fields to no one or to another subject.
 * @category personal data
 * @since 0.3.0
 * @example
 * personalValuesOf(defaultPersonalFields, offboarding, 'principal:sven') // { reason: 'Elternzeit ab Mai' }
 */
export const personalValuesOf = (fields: PersonalFields, event: DomainEvent, subject: SubjectId): Readonly<Record<string, unknown>> | undefined => {
  const personal = personalSubjectOf(fields, event)
  if (E.isLeft(personal) || personal.right === undefined || personal.right.subjectId !== subject) return undefined
  return fieldsIn(event.data, personal.right.fields)
}

/**
 * The named fields a payload carries, with their values; fields it lacks are left out.
 * @category personal data
 * @since 0.4.0
 */
export const fieldsIn = (data: object, fields: ReadonlyArray<string>): Readonly<Record<string, unknown>> =>
  Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, (data as Record<string, unknown>)[f]]))
