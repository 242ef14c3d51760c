/**
 * Identifiers of the domain — Kennungen. Every id is an opaque, non-empty string with a brand,
 * so an `AccountId` can never be passed where a `PrincipalId` is expected.
 *
 * @module
 */
import * as t from 'io-ts'

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/

type IdBrand<B extends string> = { readonly [K in B]: symbol }

/* A branded codec for one kind of id; the brand name is the domain name of the id. */
const id = <B extends string>(name: B) =>
  t.brand(
    t.string,
    (s): s is t.Branded<string, IdBrand<B>> => idPattern.test(s),
    name,
  )

/**
 * A customer account (Kundenkonto).
 * @category ids
 * @since 0.1.0
 */
export const AccountId = id('AccountId')
/** @category ids @since 0.1.0 */
export type AccountId = t.TypeOf<typeof AccountId>

/**
 * An employee or service user who can own or access accounts; personal data lives elsewhere.
 * @category ids
 * @since 0.1.0
 */
export const PrincipalId = id('PrincipalId')
/** @category ids @since 0.1.0 */
export type PrincipalId = t.TypeOf<typeof PrincipalId>

/**
 * One grant of time-limited access (Zugriffsberechtigung).
 * @category ids
 * @since 0.1.0
 */
export const GrantId = id('GrantId')
/** @category ids @since 0.1.0 */
export type GrantId = t.TypeOf<typeof GrantId>

/**
 * The tenant (Mandant) an account belongs to.
 * @category ids
 * @since 0.1.0
 */
export const TenantId = id('TenantId')
/** @category ids @since 0.1.0 */
export type TenantId = t.TypeOf<typeof TenantId>

/**
 * Idempotency key of a command: the same id twice gives the same outcome.
 * @category ids
 * @since 0.1.0
 */
export const CommandId = id('CommandId')
/** @category ids @since 0.1.0 */
export type CommandId = t.TypeOf<typeof CommandId>

/**
 * A requested ownership transfer (Übergabe), from request to decision.
 * @category ids
 * @since 0.1.0
 */
export const TransferId = id('TransferId')
/** @category ids @since 0.1.0 */
export type TransferId = t.TypeOf<typeof TransferId>

/**
 * A contact person at the customer, mapped in the buying centre (Ansprechpartner).
 * @category ids
 * @since 0.1.0
 */
export const StakeholderId = id('StakeholderId')
/** @category ids @since 0.1.0 */
export type StakeholderId = t.TypeOf<typeof StakeholderId>

/**
 * Unique id of one recorded event; appending the same event id twice is idempotent.
 * @category ids
 * @since 0.1.0
 */
export const EventId = id('EventId')
/** @category ids @since 0.1.0 */
export type EventId = t.TypeOf<typeof EventId>

/**
 * Ties together every event caused by one request (correlation) or one event (causation).
 * @category ids
 * @since 0.1.0
 */
export const CorrelationId = id('CorrelationId')
/** @category ids @since 0.1.0 */
export type CorrelationId = t.TypeOf<typeof CorrelationId>

/**
 * A data subject (betroffene Person) whose personal data the log holds, named by kind and id:
 * `stakeholder:<stakeholderId>` for a contact person, `principal:<principalId>` for an employee.
 * @category ids
 * @since 0.1.0
 */
export const SubjectId = id('SubjectId')
/** @category ids @since 0.1.0 */
export type SubjectId = t.TypeOf<typeof SubjectId>
