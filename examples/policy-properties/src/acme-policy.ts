// Acme's own policy (Richtlinie), as data: four eyes (Vier-Augen-Prinzip) for key and high-value
// accounts, grants of at most 30 days, the reason codes Acme's sales handbook allows, the
// purposes a grant may name, and who is admin. Written as plain data and checked by core's `Policy` codec, so a typo in a reason code
// or a grant limit of 0 is an error naming the field, not a policy that silently allows more.
import type * as E from 'fp-ts/lib/Either.js'
import { decodeWith, Policy, type FieldProblems } from '@account-ownership/core'

/** Acme's policy as it is written down (e.g. in a configuration file). */
export const acmePolicyData = {
  fourEyes: { key: true, 'high-value': true, standard: false },
  maxGrantDays: 30,
  reasonCodes: ['hunter-to-farmer', 'territory-change', 'reclassification'],
  purposeCodes: ['customer-support', 'audit'],
  admins: ['dora'],
}

/** Check a policy given as plain data; every problem names its field. */
export const policyOf = (data: unknown): E.Either<FieldProblems, Policy> => decodeWith(Policy, 'policy')(data)

/** Acme's policy, checked. */
export const acmePolicy = policyOf(acmePolicyData)
