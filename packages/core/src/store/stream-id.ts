/**
 * Stream names. One stream per account (`account-<accountId>`), one per principal
 * (`principal-<principalId>`) and one per data subject (`subject-<subjectId>`); a stream is the
 * unit of consistency.
 *
 * @module
 */
import * as t from 'io-ts'
import type { AccountId, PrincipalId, SubjectId } from '../ids.js'

/**
 * The brand of a stream id.
 * @category store
 * @since 0.1.0
 */
export interface StreamIdBrand {
  readonly StreamId: unique symbol
}

/**
 * The name of one stream: a family prefix (lower-case, at most 32 characters), a dash, and the
 * id in the id alphabet (at most 160 characters: a subject id is a kind and an id).
 * @category store
 * @since 0.1.0
 */
export const StreamId = t.brand(
  t.string,
  (s): s is t.Branded<string, StreamIdBrand> => /^[a-z][a-z0-9]{0,31}-[A-Za-z0-9][A-Za-z0-9._:-]{0,159}$/.test(s),
  'StreamId',
)
/** @category store @since 0.1.0 */
export type StreamId = t.TypeOf<typeof StreamId>

/**
 * The stream of one account.
 * @category store
 * @since 0.1.0
 */
export const accountStream = (accountId: AccountId): StreamId => `account-${accountId}` as StreamId

/**
 * The stream of one principal.
 * @category store
 * @since 0.1.0
 */
export const principalStream = (principalId: PrincipalId): StreamId => `principal-${principalId}` as StreamId

/**
 * The stream of one data subject (betroffene Person), where their erasure is recorded.
 * @category store
 * @since 0.1.0
 */
export const subjectStream = (subjectId: SubjectId): StreamId => `subject-${subjectId}` as StreamId

/**
 * The family of a stream: `account`, `principal`, …
 * @category store
 * @since 0.1.0
 */
export const streamFamily = (streamId: StreamId): string => streamId.slice(0, streamId.indexOf('-'))
