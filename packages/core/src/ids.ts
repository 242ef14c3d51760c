/**
 * Identifiers of the domain — Kennungen. Every id is an opaque, non-empty string with a brand,
 * so an `AccountId` can never be passed where a `PrincipalId` is expected.
 *
 * @module
 */
import * as t from 'io-ts'

/**
 * The longest id: 128 characters.
 * @category ids
 * @since 0.2.0
 */
export const maxIdLength = 128

/**
 * The alphabet of ids: a letter or digit, then letters, digits, `.`, `_`, `:` and `-` — ASCII
 * only, no spaces, and no `@`, so that an e-mail address can never become an id.
 * @category ids
 * @since 0.2.0
 */
export const idAlphabet = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/

type IdBrand<B extends string> = { readonly [K in B]: symbol }

/*
 * A branded codec for one kind of id; the brand name is the domain name of the id. An id stays in
 * the log for good (an erasure destroys keys, not ids), so an id must never be personal data:
 * a `@` is refused with that reason, since an e-mail address is the id people reach for first.
 */
const id = <B extends string>(name: B, maxLength = maxIdLength) => {
  type Id = t.Branded<string, IdBrand<B>>
  const is = (u: unknown): u is Id => typeof u === 'string' && u.length <= maxLength && idAlphabet.test(u)
  return new t.Type<Id, string, unknown>(
    name,
    is,
    (u, c) =>
      is(u)
        ? t.success(u)
        : typeof u === 'string' && u.includes('@')
          ? t.failure(u, c, `${name} without "@": an id stays in the log for good, and an e-mail address in it could never be erased`)
          : t.failure(u, c, `${name} of 1 to ${maxLength} characters (letters, digits, ".", "_", ":", "-"; first a letter or digit)`),
    t.identity,
  )
}

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
 * `stakeholder:<stakeholderId>` for a contact person, `principal:<principalId>` for an employee;
 * so it may be up to 32 characters longer than other ids.
 * @category ids
 * @since 0.1.0
 */
export const SubjectId = id('SubjectId', maxIdLength + 32)
/** @category ids @since 0.1.0 */
export type SubjectId = t.TypeOf<typeof SubjectId>
