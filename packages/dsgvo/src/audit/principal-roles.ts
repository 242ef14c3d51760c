/**
 * Where an employee (Mitarbeiter, `principal:<id>`) appears in an event beyond their periods of
 * access: as the one who acted (`metadata.actor`, and on whose behalf), in the event's `*By`
 * field (who assigned, approved, erased, …), or named in it — as successor on an offboarding, or
 * as a party of a transfer request that may never have been carried out. The Art. 15 report
 * lists each of these with its source; they hold ids only, never a name.
 *
 * @module
 */
import type { DomainEvent, DomainEventType, PrincipalId, RecordedEvent } from '@account-ownership/core'

/**
 * Whether a principal acted in an event (`actor`, `onBehalfOf`, a `*By` field) or is named in it.
 * @category audit
 * @since 0.1.0
 */
export type PrincipalRoleKind = 'acted' | 'named'

/**
 * One role a principal has in one event: `actor`, `onBehalfOf`, or the name of the event's field.
 * @category audit
 * @since 0.1.0
 */
export interface PrincipalRoleIn {
  readonly principalId: PrincipalId
  readonly kind: PrincipalRoleKind
  readonly role: string
}

type DataOf<T extends DomainEventType> = Extract<DomainEvent, { readonly type: T }>['data']
type PrincipalFieldOf<T extends DomainEventType> = { [K in keyof DataOf<T>]-?: DataOf<T>[K] extends PrincipalId | null ? K & string : never }[keyof DataOf<T>]

/*
 * Per event type, the fields that name a principal as the one who did it, and those that name
 * a principal otherwise not reported (periods of access come from the access periods). Every
 * event type is listed, so a new one does not compile until it is decided here.
 */
const fieldsOf: { readonly [T in DomainEventType]: { readonly acted: ReadonlyArray<PrincipalFieldOf<T>>; readonly named: ReadonlyArray<PrincipalFieldOf<T>> } } = {
  AccountOpened: { acted: ['openedBy'], named: [] },
  OwnershipAssigned: { acted: ['assignedBy'], named: [] },
  OwnershipTransferRequested: { acted: ['requestedBy'], named: ['fromOwnerId', 'toOwnerId'] },
  OwnershipTransferApproved: { acted: ['approvedBy'], named: [] },
  OwnershipTransferRejected: { acted: ['rejectedBy'], named: [] },
  OwnershipTransferred: { acted: ['transferredBy'], named: [] },
  AccountOrphaned: { acted: [], named: [] },
  TeamMemberAdded: { acted: ['addedBy'], named: [] },
  TeamMemberRemoved: { acted: ['removedBy'], named: [] },
  AccessGranted: { acted: ['grantedBy'], named: [] },
  AccessRevoked: { acted: ['revokedBy'], named: [] },
  AccessExpired: { acted: [], named: [] },
  AccountClassified: { acted: ['classifiedBy'], named: [] },
  StakeholderMapped: { acted: ['mappedBy'], named: [] },
  StakeholderRemoved: { acted: ['removedBy'], named: [] },
  AccountArchived: { acted: ['archivedBy'], named: [] },
  AccountRestored: { acted: ['restoredBy'], named: [] },
  PrincipalOffboarded: { acted: ['offboardedBy'], named: ['successorId'] },
  PersonalDataErased: { acted: ['erasedBy'], named: [] },
  AccessDecided: { acted: ['principalId'], named: [] },
  AccessAlertRaised: { acted: [], named: ['principalId'] },
  GrantReviewed: { acted: ['reviewedBy'], named: [] },
}

/**
 * Every event type, as the audit projection handles them all for their actor.
 * @category audit
 * @since 0.1.0
 */
export const everyEventType = Object.keys(fieldsOf) as ReadonlyArray<DomainEventType>

/**
 * Whether the roles table indexes the principal that `field` of a `type` event names: a field
 * that names one who acted in the event or one named in it (`rejectedBy`, `successorId`, …).
 * @category audit
 * @since 0.3.0
 */
export const isRoleField = (type: DomainEventType, field: string): boolean => {
  const fields = fieldsOf[type] as { readonly acted: ReadonlyArray<string>; readonly named: ReadonlyArray<string> } | undefined
  return fields !== undefined && (fields.acted.includes(field) || fields.named.includes(field))
}

/**
 * The roles principals have in one event, each principal once per role.
 * @category audit
 * @since 0.1.0
 * @example
 * principalRolesOf(event) // [{ principalId: 'dora', kind: 'acted', role: 'actor' }, { principalId: 'dora', kind: 'acted', role: 'assignedBy' }]
 */
export const principalRolesOf = (event: RecordedEvent): ReadonlyArray<PrincipalRoleIn> => {
  const { actor } = event.metadata
  const roles: PrincipalRoleIn[] = [{ principalId: actor.principalId, kind: 'acted', role: 'actor' }]
  if (actor.onBehalfOf !== undefined) roles.push({ principalId: actor.onBehalfOf, kind: 'acted', role: 'onBehalfOf' })
  const fields = fieldsOf[event.type] as { readonly acted: ReadonlyArray<string>; readonly named: ReadonlyArray<string> }
  const data = event.data as Readonly<Record<string, unknown>>
  for (const kind of ['acted', 'named'] as const) {
    for (const role of fields[kind]) {
      const value = data[role]
      if (typeof value === 'string') roles.push({ principalId: value as PrincipalId, kind, role })
    }
  }
  return roles
}
