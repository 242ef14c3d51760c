/**
 * Who a piece of personal data is about — the data subject (betroffene Person) — named by kind
 * and id: `stakeholder:<stakeholderId>` for a contact person at a customer (their name and
 * e-mail on the account map), `principal:<principalId>` for an employee (as owner, team member
 * or grantee). The kind keeps a stakeholder and a principal apart even where their ids coincide.
 *
 * One subject, one key: the same person mapped in several accounts under one stakeholder id is
 * one subject, and one erasure reaches every account. Give the same person the same stakeholder
 * id everywhere (the CRM's contact id) so that Art. 15 and Art. 17 find all of their data.
 *
 * @module
 */
import { SubjectId, type PrincipalId, type StakeholderId } from '@account-ownership/core'

/**
 * The kinds of data subject the log knows.
 * @category subjects
 * @since 0.1.0
 */
export type SubjectKind = 'stakeholder' | 'principal'

/**
 * The subject id of a contact person at a customer.
 * @category subjects
 * @since 0.1.0
 */
export const stakeholderSubject = (stakeholderId: StakeholderId): SubjectId => `stakeholder:${stakeholderId}` as SubjectId

/**
 * The subject id of an employee or service user.
 * @category subjects
 * @since 0.1.0
 */
export const principalSubject = (principalId: PrincipalId): SubjectId => `principal:${principalId}` as SubjectId

/**
 * The subject id of a kind and an id, or `undefined` when the result is not a valid subject id.
 * @category subjects
 * @since 0.1.0
 */
export const subjectOf = (kind: SubjectKind, id: string): SubjectId | undefined => {
  const subject = `${kind}:${id}`
  return SubjectId.is(subject) ? subject : undefined
}

/**
 * The kind and id a subject id names, or `undefined` for an id outside this scheme.
 * @category subjects
 * @since 0.1.0
 */
export const parseSubject = (subjectId: string): { readonly kind: SubjectKind; readonly id: string } | undefined => {
  const colon = subjectId.indexOf(':')
  const kind = subjectId.slice(0, colon)
  const id = subjectId.slice(colon + 1)
  return colon > 0 && id.length > 0 && (kind === 'stakeholder' || kind === 'principal') ? { kind, id } : undefined
}
