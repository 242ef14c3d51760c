/**
 * The free texts the log holds about an employee (Mitarbeiter, `principal:<id>`) under their own
 * key — the note on a grant to them, the reason they gave for rejecting a transfer, the reason of
 * their offboarding: whatever the field map seals under a principal. The audit tables hold no text,
 * but they say where each principal is named; every event in which the map's field names this
 * one is read from the log, one at a time, and kept only where the map gives its text to them, so
 * no one else's text shows. Values read as the store gives them: plaintext through the decrypting
 * store, `[erased]` once their key is destroyed, the envelope as stored through a store without keys.
 *
 * @module
 */
import type { AccountId, DomainEvent, DomainEventType, EventStore, Instant, PrincipalId, ReadError, SubjectId } from '@account-ownership/core'
import { invalidQuery, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import { personalValuesOf, type PersonalFields } from '../personal-data/personal-fields.js'
import { sourceOfRow, type Source } from './audit-rows.js'
import type { AccessPeriodTable, AuditTables } from './audit.table.js'
import { eventAt } from './event-at.js'
import { isRoleField } from './principal-roles.js'

/**
 * One event with the personal text it holds about an employee under their key.
 * @category audit
 * @since 0.3.0
 */
export interface HeldPrincipalRecord {
  /** The account the event is about, or `null` (an offboarding). */
  readonly accountId: AccountId | null
  readonly eventType: DomainEventType
  readonly occurredAt: Instant
  /** Who recorded it (the event's actor). */
  readonly recordedBy: PrincipalId
  /** The personal fields as read now: plaintext, `[erased]`, or the envelope as stored. */
  readonly personalData: Readonly<Record<string, unknown>>
  readonly source: Source
}

/* The events whose field names the principal an access period is of: the period's source. */
const periodSources: ReadonlyArray<readonly [DomainEventType, string, AccessPeriodTable['kind']]> = [
  ['OwnershipAssigned', 'ownerId', 'owner'],
  ['OwnershipTransferred', 'toOwnerId', 'owner'],
  ['TeamMemberAdded', 'principalId', 'team'],
  ['AccessGranted', 'granteeId', 'grant'],
]

/** Where the audit tables record the principals the map seals texts under. */
interface Lookup {
  readonly roles: ReadonlyArray<readonly [DomainEventType, string]>
  readonly periodKinds: ReadonlyArray<AccessPeriodTable['kind']>
  readonly offboardings: boolean
}

const lookupOf = (marked: PersonalFields): E.Either<InvalidQueryError, Lookup> => {
  const roles: Array<readonly [DomainEventType, string]> = []
  const periodKinds = new Set<AccessPeriodTable['kind']>()
  let offboardings = false
  for (const [type, of] of Object.entries(marked) as Array<[DomainEventType, PersonalFields[DomainEventType]]>) {
    if (of?.subject.kind !== 'principal') continue
    const field = of.subject.idField
    const period = periodSources.find(([t, f]) => t === type && f === field)
    if (isRoleField(type, field)) roles.push([type, field])
    else if (period !== undefined) periodKinds.add(period[2])
    else if (type === 'PrincipalOffboarded' && field === 'principalId') offboardings = true
    // Never a report that leaves such texts out without a word.
    else return E.left(invalidQuery('personalFieldMap', `${type}.${field} names a principal no audit table records, so the texts sealed under them there cannot be found`))
  }
  return E.right({ roles, periodKinds: [...periodKinds], offboardings })
}

/**
 * A principal's records in events at global positions after `window.after` up to `window.through`
 * (all without either): `undefined` without a store, since the texts are only in the log; a field
 * map that seals texts under a principal the audit tables do not record is an `InvalidQueryError`
 * naming `personalFieldMap`, and a log that cannot be read where a text is kept a `ReadError`.
 * @category audit
 * @since 0.3.0
 */
export const principalRecords = async (
  db: Kysely<AuditTables>,
  store: EventStore | undefined,
  subject: { readonly subjectId: SubjectId; readonly principalId: string },
  marked: PersonalFields,
  window: { readonly after?: bigint; readonly through?: bigint } = {},
): Promise<E.Either<InvalidQueryError | ReadError, ReadonlyArray<HeldPrincipalRecord> | undefined>> => {
  const lookup = lookupOf(marked)
  if (E.isLeft(lookup)) return lookup
  if (store === undefined) return E.right(undefined)
  const { roles, periodKinds, offboardings } = lookup.right
  const after = window.after?.toString() as never
  const through = window.through?.toString() as never
  const within = <TB extends 'dsgvo_principal_roles' | 'dsgvo_access_periods' | 'dsgvo_offboardings', O>(q: SelectQueryBuilder<AuditTables, TB, O>): SelectQueryBuilder<AuditTables, TB, O> =>
    q.$if(window.after !== undefined, (w) => w.where(sql.ref('source_position'), '>', after)).$if(window.through !== undefined, (w) => w.where(sql.ref('source_position'), '<=', through))
  const columns = ['source_stream', 'source_version', 'source_position'] as const
  const found = [
    ...(roles.length === 0
      ? []
      : await within(db.selectFrom('dsgvo_principal_roles').select(columns).where('principal_id', '=', subject.principalId))
          .where((eb) => eb.or(roles.map(([type, field]) => eb.and([eb('event_type', '=', type), eb('role', '=', field)]))))
          .execute()),
    ...(periodKinds.length === 0 ? [] : await within(db.selectFrom('dsgvo_access_periods').select(columns).where('principal_id', '=', subject.principalId).where('kind', 'in', periodKinds)).execute()),
    ...(offboardings ? await within(db.selectFrom('dsgvo_offboardings').select(columns).where('principal_id', '=', subject.principalId)).execute() : []),
  ].map(sourceOfRow)
  // One event can name the principal in more than one table; each is read once, in log order.
  const sources = [...new Map(found.map((s) => [s.globalPosition, s])).values()].sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : 1))
  const records: HeldPrincipalRecord[] = []
  for (const source of sources) {
    const event = await eventAt(store, source)
    if (E.isLeft(event)) return event
    if (event.right === undefined) continue
    const values = personalValuesOf(marked, event.right as unknown as DomainEvent, subject.subjectId)
    if (values === undefined || Object.keys(values).length === 0) continue
    const data = event.right.data as { readonly accountId?: AccountId }
    records.push({ accountId: data.accountId ?? null, eventType: event.right.type, occurredAt: event.right.metadata.occurredAt, recordedBy: event.right.metadata.actor.principalId, personalData: values, source })
  }
  return E.right(records)
}
