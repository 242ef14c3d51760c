/**
 * Purposes and legal bases (Zweck, Rechtsgrundlage — Art. 6(1) DSGVO) of the processing that the
 * events do not name themselves: an owner's and a team's work on an account, and the account map
 * of contact persons. Grants name their own purpose and basis. Configuration, not code: a
 * controller states these in its record of processing (Art. 30).
 *
 * @module
 */
import type { LegalBasis } from '@account-ownership/core'

/**
 * A purpose of processing and its legal basis.
 * @category audit
 * @since 0.1.0
 */
export interface Processing {
  readonly purpose: string
  readonly legalBasis: LegalBasis
}

/**
 * The processing of owners, team members and the account map.
 * @category audit
 * @since 0.1.0
 */
export interface ProcessingPurposes {
  readonly owner: Processing
  readonly team: Processing
  readonly stakeholders: Processing
}

/**
 * Account management under the customer contract (b); the account map under legitimate
 * interests in B2B sales (f).
 * @category audit
 * @since 0.1.0
 */
export const defaultProcessingPurposes: ProcessingPurposes = {
  owner: { purpose: 'Account management by the accountable owner', legalBasis: 'art6-1-b-contract' },
  team: { purpose: 'Account management by the account team', legalBasis: 'art6-1-b-contract' },
  stakeholders: { purpose: 'Account map of contact persons at the customer (buying centre)', legalBasis: 'art6-1-f-legitimate-interests' },
}
