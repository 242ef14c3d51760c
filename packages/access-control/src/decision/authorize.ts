/**
 * The decision point (Entscheidungspunkt): `authorize` answers an access request from the read
 * models — allowed or denied, with the reason. It decodes the request, reads the facts in one
 * statement, and decides with the pure `decideAccess`; so the answer is a function of the read
 * models alone (and, for a principal the log never named, of the directory given).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Kysely } from 'kysely'
import { unknownPrincipal, type AccessRequestError } from './access-control-errors.js'
import type { AccessDecision } from './access-decision.js'
import { decisionFactsOf, type DecisionTables } from './access-facts.js'
import { accessRequestOf } from './access-request.js'
import { decideAccess } from './decide-access.js'
import { knownToDirectory, type PrincipalDirectoryLookup } from './known-principal.js'

/**
 * Options of `authorize`.
 * @category decisions
 * @since 0.3.0
 */
export interface AuthorizeOptions {
  /** Asked about a principal the read models have never seen, before the request is refused as unknown. */
  readonly directory?: PrincipalDirectoryLookup
}

/**
 * Decide whether a principal may do `action` with an account's data for `purpose` at `at`.
 * A malformed request, an account never opened or a principal nobody knows is a `Left`; every
 * other request gets a decision, allowed or denied.
 * @category decisions
 * @since 0.3.0
 * @example
 * const decision = await authorize(db, { principalId: 'felix', accountId: 'kunde-1', action: 'read', purpose: 'customer-support', at: '2026-03-12T09:00:00Z' })
 * // Right({ outcome: 'allowed', reason: 'grant', grant: { grantId: 'g-1', legalBasis: 'art6-1-b-contract', … }, … })
 */
export const authorize = async (db: Kysely<DecisionTables>, input: unknown, options: AuthorizeOptions = {}): Promise<E.Either<AccessRequestError, AccessDecision>> => {
  const request = accessRequestOf(input)
  if (E.isLeft(request)) return request
  const read = await decisionFactsOf(db, request.right)
  if (E.isLeft(read)) return read
  const decision = decideAccess(request.right, read.right.facts)
  // Access proves the principal known; only a denial may concern a principal nobody knows.
  if (decision.outcome === 'denied' && !read.right.principalNamed && !(await knownToDirectory(request.right.principalId, options.directory))) return E.left(unknownPrincipal(request.right.principalId))
  return E.right(decision)
}
