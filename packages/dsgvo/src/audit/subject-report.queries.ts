/**
 * The subject report (Auskunftsrecht, Art. 15 DSGVO): everything the log holds and processes
 * about one data subject, each fact with its source. For an employee (`principal:<id>`): every
 * period in which they could access an account's data — as owner, team member or grantee — the
 * access they granted to others, their offboarding, every event they acted in (as actor, on
 * someone's behalf, or in its `*By` field: assigned, approved, mapped, erased, …) and every event
 * naming them otherwise (successor on an offboarding, party of a transfer request), and — read from
 * the log — the free texts sealed under their key (the note on a grant to them, their reason for
 * rejecting a transfer, their offboarding's reason). For a contact person (`stakeholder:<id>`):
 * every account map naming them, with the personal values read (decrypted) from the log — or
 * `[erased]`. For a sole trader (`account:<id>`): the events of their account that hold personal
 * data about them, with the values (this needs the store: they are read from the account's own
 * stream). Which values are whose is the field map's to say (`personalFieldMap`, the one the
 * encrypting store seals with), on every path: no subject's report shows another's. For all:
 * erasures. Periods of access are those in which the principal could access the data (core's one
 * definition): an archive cuts them, none is of zero length.
 *
 * @module
 */
import { SubjectId, type AccountId, type DomainEvent, type EventStore, type ReadError } from '@account-ownership/core'
import { invalidQuery, type InvalidQueryError } from '@account-ownership/projections'
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { defaultPersonalFields, fieldsIn, personalValuesOf, type PersonalFields } from '../personal-data/personal-fields.js'
import { parseSubject } from '../subject/subject-id.js'
import { accountRecords, type HeldAccountRecord } from './account-records.js'
import { accessiblePeriods } from './accessible-periods.js'
import { accessPeriodOf, erasureOf, mentionOf, offboardingOf, principalRoleOf, type AccessPeriod, type Erasure, type Offboarding, type PrincipalRole, type StakeholderMention } from './audit-rows.js'
import type { AuditTables } from './audit.table.js'
import { eventAt } from './event-at.js'
import { principalRecords, type HeldPrincipalRecord } from './principal-records.js'

/**
 * A mention with the personal values the log holds for it.
 * @category audit
 * @since 0.1.0
 */
export interface HeldMention extends StakeholderMention {
  /** The personal fields of the source event as read now (plaintext, or `[erased]`); absent without a store. */
  readonly personalData?: Readonly<Record<string, unknown>>
}

/**
 * Everything held about one data subject.
 * @category audit
 * @since 0.1.0
 */
export interface SubjectReport {
  readonly subjectId: SubjectId
  /** Periods of access to account data the subject had (principals). */
  readonly accessPeriods: ReadonlyArray<AccessPeriod>
  /** Access the subject granted to others (principals). */
  readonly accessGranted: ReadonlyArray<AccessPeriod>
  readonly offboardings: ReadonlyArray<Offboarding>
  /** Every event the subject acted in, one entry per role (`actor`, `onBehalfOf`, `assignedBy`, …), in log order (principals). */
  readonly actions: ReadonlyArray<PrincipalRole>
  /** Every event naming the subject otherwise: as successor, or as a party of a transfer request (principals). */
  readonly namedIn: ReadonlyArray<PrincipalRole>
  /** Account maps naming the subject (contact persons). */
  readonly mentions: ReadonlyArray<HeldMention>
  /**
   * The events of a sole trader's account that hold personal data about them (`account:<id>`).
   * @since 0.3.0
   */
  readonly accountRecords: ReadonlyArray<HeldAccountRecord>
  /**
   * The events that hold free text about an employee under their key — the note on a grant to
   * them, their reason for rejecting a transfer, their offboarding's reason: every field the map
   * seals under a principal — with the values as read now (principals). Absent from a principal's
   * report made without `store`: the texts are only in the log, so it cannot say whether any are.
   * @since 0.3.0
   */
  readonly principalRecords?: ReadonlyArray<HeldPrincipalRecord>
  readonly erasures: ReadonlyArray<Erasure>
  /**
   * With `page`: the position to pass as `page.after` for the next page of the access periods,
   * `actions`, `namedIn` and `principalRecords`; absent on the last page.
   * @since 0.2.0
   */
  readonly nextAfter?: bigint
}

/**
 * A page of a principal's access periods (held and granted), `actions` and `namedIn` — the lists
 * that grow with every event they record or are named in: at most `size` (10 or more) entries
 * each, of events after global position `after`. An entitlement an archive cut into parts counts
 * once, so a page can hold more periods than `size`, all from the same events. The
 * `principalRecords` of a page are those of the events the page covers.
 * @category audit
 * @since 0.2.0
 */
export interface SubjectReportPage {
  readonly size: number
  readonly after?: bigint
}

/**
 * The Art. 15 report of one subject; with `store` (the decrypting one) it includes the personal
 * values themselves, and a log that cannot be read where the report needs it is a `ReadError`
 * (corrupt event, store unavailable), never a report with values left out.
 * @category queries
 * @since 0.1.0
 * @example
 * const report = await subjectReport(db, 'stakeholder:erika', { store })
 */
export const subjectReport = async (
  db: Kysely<AuditTables>,
  subjectId: string,
  options: {
    readonly store?: EventStore
    /**
     * The payload fields to show of a contact person's mentions, whoever they belong to.
     * @deprecated Since 0.3.0: give `personalFieldMap`, which also says whose each field is.
     */
    readonly personalFields?: ReadonlyArray<string>
    readonly page?: SubjectReportPage
    /**
     * Which fields are personal and whose (the encrypting store's `personalFields`), for every
     * kind of subject: a contact person's values, an employee's texts, a sole trader's records;
     * the defaults unless given. @since 0.3.0
     */
    readonly personalFieldMap?: PersonalFields
  } = {},
): Promise<E.Either<InvalidQueryError | ReadError, SubjectReport>> => {
  const page = options.page
  // One event gives a principal at most a handful of roles: ten rows always hold at least one whole event.
  if (page !== undefined && !(Number.isSafeInteger(page.size) && page.size >= 10 && page.size <= 100_000)) return E.left(invalidQuery('page.size', 'expected a whole number from 10 to 100000'))
  if (page?.after !== undefined && !(typeof page.after === 'bigint' && page.after >= 0n)) return E.left(invalidQuery('page.after', 'expected a global position (bigint ≥ 0n)'))
  const parsed = SubjectId.is(subjectId) ? parseSubject(subjectId) : undefined
  if (parsed === undefined) return E.left(invalidQuery('subjectId', 'expected stakeholder:<id>, principal:<id> or account:<id> (the value is not shown: it may be a name)'))
  const subject = subjectId as SubjectId
  if (parsed.kind === 'account' && options.store === undefined) {
    return E.left(invalidQuery('store', "a sole trader's data is read from their account's own stream: pass the store (the decrypting one, for the values)"))
  }
  const marked = options.personalFieldMap ?? defaultPersonalFields
  const erasures = (await db.selectFrom('dsgvo_erasures').selectAll().where('subject_id', '=', subject).orderBy('source_position').execute()).map(erasureOf)
  const nothing = { accessPeriods: [], accessGranted: [], offboardings: [], actions: [], namedIn: [], mentions: [], accountRecords: [], principalRecords: [] }
  if (parsed.kind === 'account') {
    const records = await accountRecords(options.store!, parsed.id as AccountId, subject, marked)
    return E.map((held: ReadonlyArray<HeldAccountRecord>) => ({ ...nothing, subjectId: subject, accountRecords: held, erasures }))(records)
  }
  if (parsed.kind === 'principal') {
    // A page takes one row more than it shows, to know whether another page follows.
    const after = page?.after?.toString() as never
    const periods = (column: 'principal_id' | 'granted_by') =>
      db
        .selectFrom('dsgvo_access_periods')
        .selectAll()
        .where(column, '=', parsed.id)
        .$if(page?.after !== undefined, (q) => q.where('source_position', '>', after))
        .orderBy('source_position')
        .$if(page !== undefined, (q) => q.limit(page!.size + 1))
        .execute()
    const roles = (kind: PrincipalRole['kind']) =>
      db
        .selectFrom('dsgvo_principal_roles')
        .selectAll()
        .where('principal_id', '=', parsed.id)
        .where('kind', '=', kind)
        .$if(page?.after !== undefined, (q) => q.where('source_position', '>', after))
        .orderBy('source_position')
        .orderBy('role')
        .$if(page !== undefined, (q) => q.limit(page!.size + 1))
        .execute()
    const [held, granted, offboardings, actions, namedIn] = await Promise.all([
      periods('principal_id'),
      periods('granted_by'),
      db.selectFrom('dsgvo_offboardings').selectAll().where('principal_id', '=', parsed.id).orderBy('source_position').execute(),
      roles('acted'),
      roles('named'),
    ])
    const lists = [held.map(accessPeriodOf), granted.map(accessPeriodOf), actions.map(principalRoleOf), namedIn.map(principalRoleOf)] as const
    // A page ends before the first event a full list could not show whole: an event's rows never
    // split over pages, and every row at or before the cut was fetched.
    const full = page === undefined ? [] : lists.filter((list) => list.length > page.size)
    const nextAfter = full.length === 0 ? undefined : full.map((list) => list[page!.size]!.source.globalPosition - 1n).reduce((a, b) => (a < b ? a : b))
    const within = <A extends { readonly source: { readonly globalPosition: bigint } }>(list: ReadonlyArray<A>) => (nextAfter === undefined ? list : list.filter((r) => r.source.globalPosition <= nextAfter))
    const texts = await principalRecords(db, options.store, { subjectId: subject, principalId: parsed.id }, marked, {
      ...(page?.after === undefined ? {} : { after: page.after }),
      ...(nextAfter === undefined ? {} : { through: nextAfter }),
    })
    if (E.isLeft(texts)) return texts
    return E.right({
      subjectId: subject,
      accessPeriods: await accessiblePeriods(db, within(lists[0])),
      accessGranted: await accessiblePeriods(db, within(lists[1])),
      offboardings: offboardings.map(offboardingOf),
      actions: within(lists[2]),
      namedIn: within(lists[3]),
      mentions: [],
      accountRecords: [],
      ...(texts.right === undefined ? {} : { principalRecords: texts.right }),
      erasures,
      ...(nextAfter === undefined ? {} : { nextAfter }),
    })
  }
  const rows = (await db.selectFrom('dsgvo_stakeholder_mentions').selectAll().where('subject_id', '=', subject).orderBy('source_position').execute()).map(mentionOf)
  // The map's fields where it gives them to this contact; the deprecated list of fields, as named.
  const valuesOf = (event: DomainEvent): Readonly<Record<string, unknown>> =>
    options.personalFields === undefined ? (personalValuesOf(marked, event, subject) ?? {}) : fieldsIn(event.data, options.personalFields)
  const mentions: HeldMention[] = []
  for (const mention of rows) {
    if (options.store === undefined) {
      mentions.push(mention)
      continue
    }
    const event = await eventAt(options.store, mention.source)
    if (E.isLeft(event)) return event
    mentions.push({ ...mention, personalData: event.right === undefined ? {} : valuesOf(event.right as unknown as DomainEvent) })
  }
  return E.right({ ...nothing, subjectId: subject, mentions, erasures })
}
