/**
 * Policies as data — Richtlinien. Four eyes per tier, the maximum grant duration, the known
 * reason codes of a transfer, the purposes a grant may name (Zweckbindung) and who is an admin
 * are values passed into every decision, never hard-coded rules.
 *
 * @module
 */
import * as t from 'io-ts'
import { PrincipalId } from './ids.js'

/**
 * A reason code of a transfer or assignment (e.g. `territory-change`, `hunter-to-farmer`).
 * @category policy
 * @since 0.1.0
 */
export const ReasonCode = t.refinement(t.string, (s) => /^[a-z][a-z0-9-]{0,63}$/.test(s), 'ReasonCode')
/** @category policy @since 0.1.0 */
export type ReasonCode = t.TypeOf<typeof ReasonCode>

/**
 * A purpose code of a grant (Verarbeitungszweck, e.g. `customer-support`, `audit`): a word from
 * the policy's controlled vocabulary, so that the record of processing (Art. 30 DSGVO) lists
 * purposes, not free text. What the grant is for in particular goes into its optional note,
 * which is personal data.
 * @category policy
 * @since 0.3.0
 */
export const PurposeCode = t.refinement(t.string, (s) => /^[a-z][a-z0-9-]{0,63}$/.test(s), 'PurposeCode')
/** @category policy @since 0.3.0 */
export type PurposeCode = t.TypeOf<typeof PurposeCode>

/**
 * The policy every decision is made under.
 * @category policy
 * @since 0.1.0
 */
export const Policy = t.readonly(
  t.exact(
    t.type({
      /** Whether a transfer of an account of this tier needs an approver (Vier-Augen-Prinzip). */
      fourEyes: t.readonly(t.type({ key: t.boolean, 'high-value': t.boolean, standard: t.boolean })),
      /** Longest a grant may run, in days; `null` allows grants without expiry. */
      maxGrantDays: t.union([t.refinement(t.number, (n) => Number.isInteger(n) && n > 0, 'PositiveInteger'), t.null]),
      /** The reason codes a transfer may name. */
      reasonCodes: t.readonlyArray(ReasonCode),
      /** The purpose codes a grant may name (since 0.3.0). */
      purposeCodes: t.readonlyArray(PurposeCode),
      /** Principals who may act on every account (grant access, transfer, assign); plain ids. */
      admins: t.readonlyArray(t.refinement(t.string, (s): boolean => PrincipalId.is(s), 'PrincipalId')),
    }),
  ),
  'Policy',
)
/** @category policy @since 0.1.0 */
export type Policy = t.TypeOf<typeof Policy>

/**
 * A sensible starting policy: four eyes for key and high-value accounts, grants of at most
 * 90 days, the reason codes the seeds name, the purposes of the seeds' grants, no admins.
 * @category policy
 * @since 0.1.0
 */
export const defaultPolicy: Policy = {
  fourEyes: { key: true, 'high-value': true, standard: false },
  maxGrantDays: 90,
  reasonCodes: ['hunter-to-farmer', 'territory-change', 'reclassification', 'owner-offboarded', 'workload-balancing', 'customer-request'],
  purposeCodes: ['customer-support', 'billing', 'audit', 'account-handover', 'sales-cover'],
  admins: [],
}

/**
 * The reason code recorded when the offboarding handover moves an account to a successor.
 * @category policy
 * @since 0.1.0
 */
export const offboardingReasonCode: ReasonCode = 'owner-offboarded'

/**
 * The reason codes a transfer may name under a policy: the policy's own and the handover's.
 * @category policy
 * @since 0.1.0
 */
export const knownReasonCodes = (policy: Policy): ReadonlyArray<ReasonCode> =>
  policy.reasonCodes.includes(offboardingReasonCode) ? policy.reasonCodes : [...policy.reasonCodes, offboardingReasonCode]

/**
 * The purpose code a grant recorded before purposes were codes reads with (schema version 1 of
 * `AccessGranted`, whose `purpose` was free text): its text is then the grant's note. No policy
 * lists it, so no new grant names it.
 * @category policy
 * @since 0.3.0
 */
export const freeTextPurposeCode: PurposeCode = 'recorded-as-text'
