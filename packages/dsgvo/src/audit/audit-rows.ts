/**
 * The rows of the audit tables as the reports hand them out: typed ids and instants, and the
 * source of each fact in the log (stream, version, position), so an auditor can look it up.
 *
 * @module
 */
import type { AccountId, DomainEventType, Instant, LegalBasis, PrincipalId, StreamId, SubjectId } from '@account-ownership/core'
import { positionOf } from '@account-ownership/projections'
import type { Selectable } from 'kysely'
import type { AccessPeriodTable, ErasureTable, OffboardingTable, PrincipalRoleTable, SourceColumns, StakeholderMentionTable } from './audit.table.js'

/**
 * Where a fact was recorded.
 * @category audit
 * @since 0.1.0
 */
export interface Source {
  readonly streamId: StreamId
  readonly streamVersion: bigint
  readonly globalPosition: bigint
}

/**
 * A period in which a principal could access an account's data, `[from, to)`.
 * @category audit
 * @since 0.1.0
 */
export interface AccessPeriod {
  readonly accountId: AccountId
  readonly principalId: PrincipalId
  readonly kind: 'owner' | 'team' | 'grant'
  /** The grant id, the team role, or `null` for an owner. */
  readonly detail: string | null
  readonly scope: string
  readonly purpose: string
  readonly legalBasis: LegalBasis
  readonly grantedBy: PrincipalId
  readonly from: Instant
  /** The end as far as known (a grant's expiry, or the event that ended it); `null` while open. */
  readonly to: Instant | null
  readonly endedHow: string | null
  readonly source: Source
  /** The position of the event that ended the period, if one did. */
  readonly endPosition: bigint | null
}

/**
 * A contact person named on an account map.
 * @category audit
 * @since 0.1.0
 */
export interface StakeholderMention {
  readonly accountId: AccountId
  readonly stakeholderId: string
  readonly subjectId: SubjectId
  readonly role: string
  readonly mappedBy: PrincipalId
  readonly mappedAt: Instant
  readonly removedAt: Instant | null
  readonly source: Source
}

/**
 * A principal's offboarding.
 * @category audit
 * @since 0.1.0
 */
export interface Offboarding {
  readonly principalId: PrincipalId
  readonly offboardedAt: Instant
  readonly offboardedBy: PrincipalId
  readonly successorId: PrincipalId | null
  readonly source: Source
}

/**
 * An erasure of a data subject (Löschung).
 * @category audit
 * @since 0.1.0
 */
export interface Erasure {
  readonly subjectId: SubjectId
  readonly erasedAt: Instant
  readonly erasedBy: PrincipalId
  readonly legalGround: string
  readonly keysDestroyed: number
  readonly source: Source
}

/**
 * A principal's role in one event: what they did (`actor`, `onBehalfOf`, `assignedBy`, …) or
 * how they are named (`successorId`, a transfer request's `toOwnerId`), where and when.
 * @category audit
 * @since 0.1.0
 */
export interface PrincipalRole {
  readonly principalId: PrincipalId
  readonly kind: 'acted' | 'named'
  /** `actor`, `onBehalfOf`, or the event's field that names the principal. */
  readonly role: string
  readonly eventType: DomainEventType
  /** The account the event is about, or `null` for an offboarding or an erasure. */
  readonly accountId: AccountId | null
  readonly occurredAt: Instant
  readonly source: Source
}

/**
 * The source of a row.
 * @category audit
 * @since 0.1.0
 */
export const sourceOfRow = (row: Selectable<SourceColumns>): Source => ({
  streamId: row.source_stream as StreamId,
  streamVersion: positionOf(row.source_version),
  globalPosition: positionOf(row.source_position),
})

/**
 * An access period from its row.
 * @category audit
 * @since 0.1.0
 */
export const accessPeriodOf = (row: Selectable<AccessPeriodTable>): AccessPeriod => ({
  accountId: row.account_id as AccountId,
  principalId: row.principal_id as PrincipalId,
  kind: row.kind,
  detail: row.detail,
  scope: row.scope,
  purpose: row.purpose,
  legalBasis: row.legal_basis as LegalBasis,
  grantedBy: row.granted_by as PrincipalId,
  from: row.from_at as Instant,
  to: row.to_at as Instant | null,
  endedHow: row.ended_how,
  source: sourceOfRow(row),
  endPosition: row.end_position === null ? null : positionOf(row.end_position),
})

/**
 * A stakeholder mention from its row.
 * @category audit
 * @since 0.1.0
 */
export const mentionOf = (row: Selectable<StakeholderMentionTable>): StakeholderMention => ({
  accountId: row.account_id as AccountId,
  stakeholderId: row.stakeholder_id,
  subjectId: row.subject_id as SubjectId,
  role: row.role,
  mappedBy: row.mapped_by as PrincipalId,
  mappedAt: row.mapped_at as Instant,
  removedAt: row.removed_at as Instant | null,
  source: sourceOfRow(row),
})

/**
 * An offboarding from its row.
 * @category audit
 * @since 0.1.0
 */
export const offboardingOf = (row: Selectable<OffboardingTable>): Offboarding => ({
  principalId: row.principal_id as PrincipalId,
  offboardedAt: row.offboarded_at as Instant,
  offboardedBy: row.offboarded_by as PrincipalId,
  successorId: row.successor_id as PrincipalId | null,
  source: sourceOfRow(row),
})

/**
 * An erasure from its row.
 * @category audit
 * @since 0.1.0
 */
export const erasureOf = (row: Selectable<ErasureTable>): Erasure => ({
  subjectId: row.subject_id as SubjectId,
  erasedAt: row.erased_at as Instant,
  erasedBy: row.erased_by as PrincipalId,
  legalGround: row.legal_ground,
  keysDestroyed: Number(row.keys_destroyed),
  source: sourceOfRow(row),
})

/**
 * A principal's role in an event from its row.
 * @category audit
 * @since 0.1.0
 */
export const principalRoleOf = (row: Selectable<PrincipalRoleTable>): PrincipalRole => ({
  principalId: row.principal_id as PrincipalId,
  kind: row.kind,
  role: row.role,
  eventType: row.event_type as DomainEventType,
  accountId: row.account_id as AccountId | null,
  occurredAt: row.occurred_at as Instant,
  source: sourceOfRow(row),
})
