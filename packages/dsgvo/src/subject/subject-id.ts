/**
 * Who a piece of personal data is about — the data subject (betroffene Person) — named by kind
 * and id: `stakeholder:<stakeholderId>` for a contact person at a customer (their name and
 * e-mail on the account map), `principal:<principalId>` for an employee (as owner, team member
 * or grantee; the notes and reasons written about or by them), `account:<accountId>` for a
 * customer account that is a natural person (Einzelunternehmen — its display name) and for the
 * free text about a customer (classification criteria). The kind keeps them apart even where
 * their ids coincide.
 *
 * One subject, one key: the same person mapped in several accounts under one stakeholder id is
 * one subject, and one erasure reaches every account. Give the same person the same stakeholder
 * id everywhere (the CRM's contact id) so that Art. 15 and Art. 17 find all of their data.
 *
 * @module
 */
import { AccountId, decodeWith, InvalidStoreInputError, PrincipalId, StakeholderId, SubjectId, type FieldProblems } from '@account-ownership/core'
import * as E from 'fp-ts/lib/Either.js'

/**
 * The kinds of data subject the log knows.
 * @category subjects
 * @since 0.1.0
 */
export type SubjectKind = 'stakeholder' | 'principal' | 'account'

const idCodecs = { stakeholder: StakeholderId, principal: PrincipalId, account: AccountId } as const

/**
 * The subject id of a kind and an id, decoded from plain strings: a `Left` names the field
 * (`kind`, or `field` for the id) and never repeats the value.
 * @category subjects
 * @since 0.1.0
 * @example
 * subjectOf('stakeholder', 'erika') // Right('stakeholder:erika')
 */
export const subjectOf = (kind: SubjectKind, id: string, field = 'id'): E.Either<InvalidStoreInputError, SubjectId> => {
  if (!Object.hasOwn(idCodecs, kind)) return E.left(new InvalidStoreInputError('kind', "expected 'stakeholder', 'principal' or 'account'"))
  const decoded: E.Either<FieldProblems, string> = decodeWith(idCodecs[kind] as typeof StakeholderId, field)(id)
  if (E.isLeft(decoded)) return E.left(new InvalidStoreInputError(decoded.left.field, decoded.left.message, decoded.left.problems))
  const subject = `${kind}:${decoded.right}`
  return SubjectId.is(subject) ? E.right(subject) : E.left(new InvalidStoreInputError(field, 'too long for a subject id'))
}

/**
 * The subject id of a contact person at a customer, from their stakeholder id as a plain string.
 * @category subjects
 * @since 0.1.0
 * @example
 * const erika = stakeholderSubject('erika') // Right('stakeholder:erika'); Left(InvalidStoreInputError) naming stakeholderId
 */
export const stakeholderSubject = (stakeholderId: string): E.Either<InvalidStoreInputError, SubjectId> => subjectOf('stakeholder', stakeholderId, 'stakeholderId')

/**
 * The subject id of an employee or service user, from their principal id as a plain string.
 * @category subjects
 * @since 0.1.0
 */
export const principalSubject = (principalId: string): E.Either<InvalidStoreInputError, SubjectId> => subjectOf('principal', principalId, 'principalId')

/**
 * The subject id of a customer account that is a natural person (sole trader), from its account
 * id as a plain string.
 * @category subjects
 * @since 0.3.0
 * @example
 * accountSubject('kunde-7') // Right('account:kunde-7')
 */
export const accountSubject = (accountId: string): E.Either<InvalidStoreInputError, SubjectId> => subjectOf('account', accountId, 'accountId')

/**
 * The kind and id of a subject an Art. 15 report answers — a contact person, an employee, or a
 * customer account that is a natural person (a sole trader: its data is the account's own, in its
 * stream) — or `undefined` for any other id.
 * @category subjects
 * @since 0.1.0
 */
export const parseSubject = (subjectId: string): { readonly kind: SubjectKind; readonly id: string } | undefined => {
  const colon = subjectId.indexOf(':')
  const kind = subjectId.slice(0, colon)
  const id = subjectId.slice(colon + 1)
  return colon > 0 && id.length > 0 && Object.hasOwn(idCodecs, kind) ? { kind: kind as SubjectKind, id } : undefined
}
