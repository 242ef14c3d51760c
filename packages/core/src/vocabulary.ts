/**
 * The closed vocabularies of the domain — tiers, legal bases, scopes, roles and reasons — each an
 * io-ts codec whose static type is the union of its words.
 *
 * @module
 */
import * as t from 'io-ts'

const words = <W extends string>(name: string, ws: readonly [W, W, ...W[]]) =>
  t.keyof(Object.fromEntries(ws.map((w) => [w, null])) as Record<W, null>, name)

/**
 * How valuable an account is: Key Account (Schlüsselkunde), High-Value Account, or standard.
 * @category vocabulary
 * @since 0.1.0
 */
export const Tier = words('Tier', ['key', 'high-value', 'standard'])
/** @category vocabulary @since 0.1.0 */
export type Tier = t.TypeOf<typeof Tier>

/**
 * The lawful basis of processing under Art. 6(1) DSGVO (GDPR), letters a–f:
 * a consent (Einwilligung), b contract (Vertrag), c legal obligation (rechtliche Verpflichtung),
 * d vital interests, e public task, f legitimate interests (berechtigtes Interesse).
 * @category vocabulary
 * @since 0.1.0
 */
export const LegalBasis = words('LegalBasis', [
  'art6-1-a-consent',
  'art6-1-b-contract',
  'art6-1-c-legal-obligation',
  'art6-1-d-vital-interests',
  'art6-1-e-public-task',
  'art6-1-f-legitimate-interests',
])
/** @category vocabulary @since 0.1.0 */
export type LegalBasis = t.TypeOf<typeof LegalBasis>

/**
 * What a grant lets its grantee do with the account's data.
 * @category vocabulary
 * @since 0.1.0
 */
export const AccessScope = words('AccessScope', ['read', 'read-write'])
/** @category vocabulary @since 0.1.0 */
export type AccessScope = t.TypeOf<typeof AccessScope>

/**
 * Roles beside the owner in an account team (Key-Account-Team).
 * @category vocabulary
 * @since 0.1.0
 */
export const TeamRole = words('TeamRole', ['co-owner', 'sales', 'customer-success', 'support', 'finance', 'executive-sponsor'])
/** @category vocabulary @since 0.1.0 */
export type TeamRole = t.TypeOf<typeof TeamRole>

/**
 * A contact's role in the customer's buying centre (Buying Center).
 * @category vocabulary
 * @since 0.1.0
 */
export const StakeholderRole = words('StakeholderRole', ['decision-maker', 'influencer', 'user', 'gatekeeper', 'champion', 'buyer'])
/** @category vocabulary @since 0.1.0 */
export type StakeholderRole = t.TypeOf<typeof StakeholderRole>

/**
 * Why an account's lifecycle ended (Kundenabwanderung, Fusion, Inaktivität).
 * @category vocabulary
 * @since 0.1.0
 */
export const ArchiveReason = words('ArchiveReason', ['churned', 'merged', 'inactive', 'duplicate'])
/** @category vocabulary @since 0.1.0 */
export type ArchiveReason = t.TypeOf<typeof ArchiveReason>

/**
 * Why an account lost its owner.
 * @category vocabulary
 * @since 0.1.0
 */
export const OrphanReason = words('OrphanReason', ['owner-offboarded', 'owner-removed'])
/** @category vocabulary @since 0.1.0 */
export type OrphanReason = t.TypeOf<typeof OrphanReason>

/**
 * Why a grant was revoked before it expired.
 * @category vocabulary
 * @since 0.1.0
 */
export const RevocationReason = words('RevocationReason', ['no-longer-needed', 'grantee-offboarded', 'policy-violation', 'access-review', 'owner-changed'])
/** @category vocabulary @since 0.1.0 */
export type RevocationReason = t.TypeOf<typeof RevocationReason>

/**
 * The ground of an erasure under Art. 17(1) DSGVO, letters a–f: a no longer necessary,
 * b consent withdrawn (Widerruf), c objection (Widerspruch), d unlawfully processed,
 * e legal obligation to erase, f data of a child collected for an information society service.
 * @category vocabulary
 * @since 0.1.0
 */
export const ErasureGround = words('ErasureGround', [
  'art17-1-a-no-longer-necessary',
  'art17-1-b-consent-withdrawn',
  'art17-1-c-objection',
  'art17-1-d-unlawfully-processed',
  'art17-1-e-legal-obligation',
  'art17-1-f-child-information-society',
])
/** @category vocabulary @since 0.1.0 */
export type ErasureGround = t.TypeOf<typeof ErasureGround>

/* Free text lives with the other text fields; the codecs of this package import it from here too. */
export { NonEmptyText } from './text.js'
