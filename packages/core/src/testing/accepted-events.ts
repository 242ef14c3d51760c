/**
 * Arbitraries of the events an append accepts, derived from the codecs themselves (a field
 * added to an event is generated without a change here, and a codec this module cannot derive
 * fails loudly by name). They reach for the edges on purpose: ids of 128 characters, text of
 * every Unicode plane up to its limit, numbers such as 2^53 and `Number.MIN_VALUE`, empty and
 * full lists, instants from year 0000 to 9999 — what a store must give back unchanged. Now and
 * then a number no codec takes (`-0`, NaN, a fraction as a count) comes too: an append must
 * refuse it, or give it back unchanged.
 *
 * @module
 */
import fc from 'fast-check'
import * as t from 'io-ts'
import { domainEventCodecs, type DomainEvent } from '../domain-event.js'
import { maxIdLength } from '../ids.js'
import { instantOf } from '../instant.js'
import { EventMetadata, type NewEvent } from '../store/recorded-event.js'
import { accountStream, principalStream, subjectStream, type StreamId } from '../store/stream-id.js'
import { maxEmailLength, maxFreeTextLength, maxNameLength } from '../text.js'
import type { AccountId, EventId, PrincipalId, SubjectId } from '../ids.js'

const idArbitrary = (max = maxIdLength): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,15}$/) },
    { weight: 1, arbitrary: fc.stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9._:-]{${max - 1}}$`)) },
  )

/* Text of any plane, made acceptable: forbidden characters become spaces, nothing blank, and
   cut to the limit without splitting a surrogate pair. */
const fitted = (s: string, max: number): string => {
  let out = s.replace(/[\u0000-\u0008\u000b-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
  if (out.trim().length === 0) out = `x${out}`
  if (out.length > max) out = out.slice(0, /[\ud800-\udbff]/.test(out[max - 1]!) ? max - 1 : max)
  return out
}

const textArbitrary = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: Math.floor(max / 2) - 4, maxLength: Math.floor(max / 2) }) },
    { weight: 1, arbitrary: fc.constantFrom('€'.repeat(max), '🏭'.repeat(max / 2), 'Zeile 1\nZeile 2\tEnde', ' x ') },
  ).map((s) => fitted(s, max))

const emailArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }))
  .map(([local, domain]) => `${fitted(local, 100).replace(/[\s@]/g, 'x')}@${fitted(domain, 100).replace(/[\s@]/g, 'x')}`)
  .filter((s) => s.length <= maxEmailLength && /^[^\s@]+@[^\s@]+$/.test(s))

const instantArbitrary = fc
  .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => instantOf(d))

const numberEdges = [0, 1, 0.1, -1.5, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 1e21, 1e-7]

/* Arbitraries of the leaf codecs, by codec name. */
const leaves: Record<string, fc.Arbitrary<unknown>> = {
  AccountId: idArbitrary(),
  PrincipalId: idArbitrary(),
  GrantId: idArbitrary(),
  TenantId: idArbitrary(),
  CommandId: idArbitrary(),
  TransferId: idArbitrary(),
  StakeholderId: idArbitrary(),
  EventId: idArbitrary(),
  CorrelationId: idArbitrary(),
  SubjectId: fc.tuple(fc.constantFrom('stakeholder', 'principal', 'account'), idArbitrary()).map(([kind, id]) => `${kind}:${id}`),
  Instant: instantArbitrary,
  Name: textArbitrary(maxNameLength),
  NonEmptyText: textArbitrary(maxFreeTextLength),
  EmailAddress: emailArbitrary,
  ReasonCode: fc.stringMatching(/^[a-z][a-z0-9-]{0,63}$/),
  PurposeCode: fc.stringMatching(/^[a-z][a-z0-9-]{0,63}$/),
  // Now and then a number no codec should take: should one ever take it, it must come back as given.
  FiniteNumber: fc.oneof(
    { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)) },
    { weight: 16, arbitrary: fc.constantFrom(...numberEdges) },
    { weight: 3, arbitrary: fc.constantFrom(-0, NaN, Infinity) },
  ),
  Count: fc.oneof({ weight: 8, arbitrary: fc.nat() }, { weight: 8, arbitrary: fc.constantFrom(0, 2 ** 31, 2 ** 53 - 1) }, { weight: 2, arbitrary: fc.constantFrom(-0, 1.5, 2 ** 53) }),
}

/**
 * An arbitrary of what `codec` accepts, derived from its structure and its named leaf codecs.
 * @category testing
 * @since 0.2.0
 */
export const arbitraryOf = (codec: t.Mixed): fc.Arbitrary<unknown> => {
  const leaf = leaves[codec.name]
  if (leaf !== undefined) return leaf
  if (codec instanceof t.ReadonlyType || codec instanceof t.ExactType) return arbitraryOf(codec.type as t.Mixed)
  if (codec instanceof t.InterfaceType) return fc.record(Object.fromEntries(Object.entries(codec.props as t.Props).map(([k, c]) => [k, arbitraryOf(c)])))
  if (codec instanceof t.PartialType) {
    const props = codec.props as t.Props
    return fc.record(Object.fromEntries(Object.entries(props).map(([k, c]) => [k, arbitraryOf(c)])), { requiredKeys: [] })
  }
  if (codec instanceof t.IntersectionType) return fc.tuple(...(codec.types as t.Mixed[]).map(arbitraryOf)).map((parts) => Object.assign({}, ...parts))
  if (codec instanceof t.UnionType) return fc.oneof(...(codec.types as t.Mixed[]).map(arbitraryOf))
  if (codec instanceof t.LiteralType) return fc.constant(codec.value)
  if (codec instanceof t.KeyofType) return fc.constantFrom(...Object.keys(codec.keys as object))
  if (codec instanceof t.BooleanType) return fc.boolean()
  if (codec instanceof t.NullType) return fc.constant(null)
  const list = codec as t.Mixed & { item?: t.Mixed; maxLength?: number }
  if (list.item !== undefined && list.maxLength !== undefined) {
    const item = arbitraryOf(list.item)
    return fc.oneof(fc.constant([]), fc.array(item, { maxLength: 4 }), fc.array(item.filter((v) => typeof v !== 'string' || v.length <= 24), { minLength: list.maxLength, maxLength: list.maxLength }))
  }
  throw new Error(`no arbitrary for the codec ${codec.name}: add it to the leaves of testing/accepted-events.ts`)
}

/**
 * The stream an event belongs to: its account's, its principal's or its subject's.
 * @category testing
 * @since 0.2.0
 */
export const streamOfEvent = (event: DomainEvent): StreamId => {
  const data = event.data as { accountId?: string; principalId?: string; subjectId?: string }
  if (data.accountId !== undefined) return accountStream(data.accountId as AccountId)
  if (data.subjectId !== undefined) return subjectStream(data.subjectId as SubjectId)
  return principalStream(data.principalId as PrincipalId)
}

/**
 * Any event an append accepts, of any type, with metadata.
 * @category testing
 * @since 0.2.0
 */
export const acceptedEventArbitrary: fc.Arbitrary<NewEvent> = fc
  .tuple(fc.oneof(...domainEventCodecs.map((c) => arbitraryOf(c))), arbitraryOf(EventMetadata))
  .map(([event, metadata]) => ({ ...(event as DomainEvent), metadata }) as NewEvent)

/**
 * One to three accepted events of one stream, with distinct event ids: one append's worth.
 * @category testing
 * @since 0.2.0
 */
export const acceptedAppendArbitrary: fc.Arbitrary<{ readonly streamId: StreamId; readonly events: ReadonlyArray<NewEvent> }> = fc
  .uniqueArray(acceptedEventArbitrary, { minLength: 1, maxLength: 3, selector: (e) => e.metadata.eventId })
  .map((events) => {
    const streamId = streamOfEvent(events[0]!)
    return { streamId, events: events.filter((e) => streamOfEvent(e) === streamId) }
  })

/**
 * The events with event ids made unique under `prefix` (still at most 128 characters), so that
 * many generated appends go into one store.
 * @category testing
 * @since 0.2.0
 */
export const withUniqueEventIds = (events: ReadonlyArray<NewEvent>, prefix: string): ReadonlyArray<NewEvent> =>
  events.map((e, i) => ({ ...e, metadata: { ...e.metadata, eventId: `${prefix}-${i}-${e.metadata.eventId}`.slice(0, maxIdLength) as EventId } }) as NewEvent)
